import { refuse } from './case-failures';
import type { CaseUpdate } from './case-inputs';
import { STAFF_ROLES } from './case-vocabulary';

/** A request id: a UUID, as the API makes them (crypto.randomUUID). */
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const USERNAME_MAX = 100;

/**
 * Only the service moves a case: every update must name this case and carry a request id never used on it before,
 * equal to Temporal's update id. Checked in the validators (nothing written when refused); a request id is spent when
 * its handler starts, synchronously after its validator, so two copies of one payload cannot both get in.
 */
export class UpdateGuard {
  private readonly used: Set<string>;

  constructor(
    private readonly caseId: string,
    usedRequestIds: readonly string[] = [],
  ) {
    this.used = new Set(usedRequestIds);
  }

  /** The request ids spent so far: plain data, so a new run of the case could carry them on. */
  get usedRequestIds(): string[] {
    return [...this.used];
  }

  check(update: CaseUpdate<unknown>, updateId: string | undefined): void {
    if (update?.caseId !== this.caseId) refuse('FORBIDDEN', 'This update is for another case');
    const { requestId, actor } = update;
    if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId))
      refuse('FORBIDDEN', 'This update carries no valid request id');
    if (requestId !== updateId) refuse('FORBIDDEN', 'This update carries a request id that is not its update id');
    if (this.used.has(requestId)) refuse('FORBIDDEN', 'This request id was already used on this case');
    const { username, roles } = actor ?? {};
    if (typeof username !== 'string' || username.length === 0 || username.length > USERNAME_MAX)
      refuse('FORBIDDEN', 'This update names no actor');
    if (!Array.isArray(roles) || !roles.every((role) => (STAFF_ROLES as readonly unknown[]).includes(role)))
      refuse('FORBIDDEN', "This update's actor has roles the service does not know");
  }

  /** Spends the update's request id; on replay of older histories (no request id) there is nothing to spend. */
  accept(update: CaseUpdate<unknown>): void {
    if (typeof update?.requestId === 'string') this.used.add(update.requestId);
  }
}
