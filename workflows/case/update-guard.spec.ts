import type { CaseUpdate } from './case-inputs';
import { AMY, CASE_ID, refusal } from './testing/lifecycle-fixtures';
import { UpdateGuard } from './update-guard';

const REQUEST = '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e';
const envelope = (extra: Partial<CaseUpdate<unknown>> = {}): CaseUpdate<unknown> => ({
  caseId: CASE_ID,
  requestId: REQUEST,
  actor: AMY,
  input: {},
  ...extra,
});

describe('UpdateGuard: only the service moves a case', () => {
  it('accepts an update for this case whose request id is new and is its update id', () => {
    expect(refusal(() => new UpdateGuard(CASE_ID).check(envelope(), REQUEST))).toBeUndefined();
  });

  it('refuses an update for another case', () => {
    const other = envelope({ caseId: '3f1c2a7e-9d7b-4c1e-8f00-000000000002' });
    expect(refusal(() => new UpdateGuard(CASE_ID).check(other, REQUEST))).toEqual({
      type: 'FORBIDDEN',
      message: 'This update is for another case',
    });
  });

  it('refuses a request id once used, even under a new update id', () => {
    const guard = new UpdateGuard(CASE_ID);
    guard.accept(envelope());
    expect(refusal(() => guard.check(envelope(), REQUEST))?.message).toBe(
      'This request id was already used on this case',
    );
    expect(guard.usedRequestIds).toEqual([REQUEST]);
    // A new run of the case carries the spent ids on.
    expect(refusal(() => new UpdateGuard(CASE_ID, guard.usedRequestIds).check(envelope(), REQUEST))).toBeDefined();
  });

  it('refuses a request id that is not the update id it came under, or is no id at all', () => {
    const guard = new UpdateGuard(CASE_ID);
    expect(refusal(() => guard.check(envelope(), '9a9a9a9a-2d3a-4b5c-9d8e-7f6a5b4c3d2e'))?.type).toBe('FORBIDDEN');
    expect(refusal(() => guard.check(envelope(), undefined))?.type).toBe('FORBIDDEN');
    for (const requestId of [undefined, '', 'abc', 42, `${REQUEST} `])
      expect(
        refusal(() => guard.check(envelope({ requestId: requestId as string }), requestId as string)),
      ).toBeDefined();
  });

  it('refuses an actor the service would not have authenticated', () => {
    const guard = new UpdateGuard(CASE_ID);
    for (const actor of [
      undefined,
      { username: '', roles: ['officer'] },
      { username: 'x'.repeat(101), roles: ['officer'] },
      { username: 'ghost', roles: 'supervisor' },
      { username: 'ghost', roles: ['supervisor_of_all'] },
      { username: 'ghost', roles: ['officer', 'supervisor_of_all'] },
    ])
      expect(refusal(() => guard.check(envelope({ actor: actor as never }), REQUEST))?.type).toBe('FORBIDDEN');
  });

  it('accepts a username of up to 100 characters, and an actor with several known roles', () => {
    const guard = new UpdateGuard(CASE_ID);
    const actor = { username: 'x'.repeat(100), roles: ['officer', 'supervisor'] as const };
    expect(refusal(() => guard.check(envelope({ actor: { ...actor, roles: [...actor.roles] } }), REQUEST))).toBe(
      undefined,
    );
  });

  it('refuses a payload that is no envelope at all, rather than failing on it', () => {
    for (const payload of [undefined, null])
      expect(refusal(() => new UpdateGuard(CASE_ID).check(payload as never, REQUEST))).toEqual({
        type: 'FORBIDDEN',
        message: 'This update is for another case',
      });
  });

  it('says which part of the envelope it refused', () => {
    const guard = new UpdateGuard(CASE_ID);
    const message = (update: CaseUpdate<unknown>, updateId?: string) =>
      refusal(() => guard.check(update, updateId))?.message;
    expect(message(envelope({ requestId: 'abc' }), 'abc')).toBe('This update carries no valid request id');
    expect(message(envelope(), undefined)).toBe('This update carries a request id that is not its update id');
    expect(message(envelope({ actor: { username: '', roles: [] } }), REQUEST)).toBe('This update names no actor');
    expect(message(envelope({ actor: { username: 'ghost', roles: ['root' as never] } }), REQUEST)).toBe(
      "This update's actor has roles the service does not know",
    );
  });

  it('replays of older updates, with no request id, spend nothing', () => {
    const guard = new UpdateGuard(CASE_ID);
    guard.accept({ actor: AMY, input: {} } as never);
    expect(guard.usedRequestIds).toEqual([]);
  });
});
