import { randomUUID } from 'node:crypto';
import { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { InMemoryLedger } from '../../../apps/worker/src/activities/testing/in-memory-ledger';
import { caseStateQuery } from '../../../workflows/case/case.messages';
import type { Actor, CaseState, CaseUpdate } from '../../../workflows/case/case.types';

export interface Refusal {
  type: string | undefined;
  message: string;
}

/** One case under test: send it steps as the API does, read what it logged. */
export class CaseUnderTest {
  constructor(
    readonly caseId: string,
    readonly handle: WorkflowHandle,
    private readonly ledger: InMemoryLedger,
  ) {}

  /** A step as the API sends it: this case's id, a fresh request id that is also the update id. */
  envelope<T>(actor: Actor, input: T, override: Partial<CaseUpdate<T>> = {}): CaseUpdate<T> {
    return { caseId: this.caseId, requestId: randomUUID(), actor, input, ...override };
  }

  send<T, R>(update: UpdateDefinition<R, [CaseUpdate<T>]>, actor: Actor, input: T): Promise<R> {
    return this.sendEnvelope(update, this.envelope(actor, input));
  }

  sendEnvelope<T, R>(update: UpdateDefinition<R, [CaseUpdate<T>]>, envelope: CaseUpdate<T>, updateId?: string) {
    return this.handle.executeUpdate(update, { args: [envelope], updateId: updateId ?? envelope.requestId });
  }

  /** The refusal of a step the workflow must not take (from its validator or its handler). */
  async refusal<T, R>(update: UpdateDefinition<R, [CaseUpdate<T>]>, actor: Actor, input: T): Promise<Refusal> {
    return refusalOf(this.send(update, actor, input));
  }

  state(): Promise<CaseState> {
    return this.handle.query(caseStateQuery);
  }

  types(): string[] {
    return this.ledger.entries(this.caseId).map((e) => e.type);
  }

  /** The log's types without its pages: paging runs beside the steps, so where its entries fall is timing. */
  stepTypes(): string[] {
    return this.types().filter((type) => type !== 'staff.paged');
  }

  entries(type?: string) {
    return this.ledger.entries(this.caseId).filter((e) => type === undefined || e.type === type);
  }

  waitFor(type: string, count = 1, timeoutMs = 15_000): Promise<void> {
    return eventually(`${count} × ${type} on case ${this.caseId}`, () => this.entries(type).length >= count, timeoutMs);
  }

  async waitForState(what: string, check: (state: CaseState) => boolean, timeoutMs = 15_000): Promise<CaseState> {
    let last: CaseState | undefined;
    await eventually(what, async () => check((last = await this.state())), timeoutMs);
    return last!;
  }

  /** Ids of the timers the workflow has started and neither fired nor cancelled. */
  async runningTimers(): Promise<string[]> {
    const events = (await this.handle.fetchHistory()).events ?? [];
    const started = events.flatMap((e) => e.timerStartedEventAttributes?.timerId ?? []);
    const ended = new Set(
      events.flatMap((e) => e.timerFiredEventAttributes?.timerId ?? e.timerCanceledEventAttributes?.timerId ?? []),
    );
    return started.filter((id) => !ended.has(id));
  }

  /** Resolves when the workflow has completed (the case closed). */
  closed(): Promise<void> {
    return this.handle.result();
  }
}

export async function refusalOf(sent: Promise<unknown>): Promise<Refusal> {
  try {
    await sent;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
      return { type: error.cause.type ?? undefined, message: error.cause.message };
    throw error;
  }
  throw new Error('The step was accepted; it should have been refused');
}

export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
