import { refuse } from './case-failures';
import type { Actor } from './case-inputs';
import type { CaseState } from './case.types';
import type { CaseStatus, StaffRole } from './case-vocabulary';

/** What every step's rules ask: is the case at this step, is no one else recording it, may this person take it. */
export class StepChecks {
  /** steps whose handler is still writing: a second submission of the same step waits its turn (409) */
  private readonly inFlight = new Set<string>();

  constructor(readonly state: CaseState) {}

  begin(step: string): void {
    this.inFlight.add(step);
  }

  end(step: string): void {
    this.inFlight.delete(step);
  }

  isBusy(step: string): boolean {
    return this.inFlight.has(step);
  }

  requireRole(actor: Actor, roles: readonly StaffRole[]): void {
    if (!roles.some((role) => actor.roles.includes(role)))
      refuse('FORBIDDEN', `This step is for ${roles.join(' or ')}`);
  }

  requireStatus(expected: CaseStatus | CaseStatus[], step: string): void {
    const allowed = Array.isArray(expected) ? expected : [expected];
    if (!allowed.includes(this.state.status) || this.isBusy(step)) {
      const busy = this.isBusy(step) ? ` and its ${step} is being recorded` : '';
      refuse('NOT_CURRENT_STEP', `The case is ${this.state.status}${busy}; ${step} is not its current step`);
    }
  }
}
