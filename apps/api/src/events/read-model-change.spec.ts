import { parseChange, toServerSentEvent } from './read-model-change';

describe('read-model changes as server-sent events', () => {
  const caseId = '3f0c1a52-0000-4000-8000-000000000000';

  it('keeps only the whitelisted fields of a case change', () => {
    const payload = JSON.stringify({
      type: 'case',
      id: caseId,
      status: 'AWAITING_REVIEW',
      level: 'EMERGENCY',
      escalated: true,
      summary: 'never sent',
    });
    const change = parseChange(payload);
    expect(change).toEqual({
      type: 'case',
      id: caseId,
      status: 'AWAITING_REVIEW',
      level: 'EMERGENCY',
      escalated: true,
    });
    expect(toServerSentEvent(change!)).toBe(
      `event: case\ndata: {"id":"${caseId}","status":"AWAITING_REVIEW","level":"EMERGENCY","escalated":true}\n\n`,
    );
  });

  it('reads a task change as open or done', () => {
    expect(parseChange(JSON.stringify({ type: 'task', id: '7', caseId, status: 'done' }))).toEqual({
      type: 'task',
      id: '7',
      caseId,
      status: 'done',
    });
    expect(toServerSentEvent({ type: 'task', id: '7', caseId, status: 'open' })).toBe(
      `event: task\ndata: {"id":"7","caseId":"${caseId}","status":"open"}\n\n`,
    );
  });

  it('ignores anything else', () => {
    for (const payload of [undefined, '', 'not json', '{"type":"case"}', '{"type":"staff","id":"x"}', '[]'])
      expect(parseChange(payload)).toBeUndefined();
  });
});
