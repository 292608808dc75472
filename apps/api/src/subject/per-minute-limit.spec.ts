import { PerMinuteLimit } from './per-minute-limit';

describe('PerMinuteLimit', () => {
  it('lets the first requests of a minute through, then says how long to wait; keys count apart', async () => {
    const limit = new PerMinuteLimit(3);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await limit.take('platform'));
    expect(answers.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(answers[3]).toBeGreaterThan(0);
    expect(answers[3]).toBeLessThanOrEqual(60);
    expect(await limit.take('someone-else')).toBeUndefined();
  });
});
