// Shared by the unit tests of the case workflow's rules: actors, envelopes and cases at a given step.
import { ApplicationFailure } from '@temporalio/common';
import type { Actor, CaseUpdate } from '../case-inputs';
import { CaseLifecycle, openingState } from '../case-lifecycle';
import type { CaseState, Decision } from '../case.types';

export const AMY: Actor = { username: 'officer.amy', roles: ['officer'] };
export const CAT: Actor = { username: 'oncall.cat', roles: ['on_call'] };
export const DAN: Actor = { username: 'supervisor.dan', roles: ['supervisor'] };
export const LEE: Actor = { username: 'lead.lee', roles: ['officer', 'supervisor'] };

export const CASE_ID = '3f1c2a7e-9d7b-4c1e-8f00-000000000001';

export const update = <T>(actor: Actor, input: T): CaseUpdate<T> => ({
  caseId: CASE_ID,
  requestId: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
  actor,
  input,
});

export function lifecycle(state: Partial<CaseState> = {}): CaseLifecycle {
  return new CaseLifecycle({ ...openingState(CASE_ID), ...state });
}

export const emergencyDecision = (extra: Partial<Decision> = {}): Decision => ({
  kind: 'APPROVE',
  level: 'EMERGENCY',
  agencies: ['EMERGENCY_SERVICES'],
  actions: [],
  decidedBy: CAT.username,
  ...extra,
});

/** The failure type a check throws ('OK' when it passes), and its message. */
export function outcome(check: () => void): string {
  return refusal(check)?.type ?? 'OK';
}

export function refusal(check: () => void): { type: string; message: string } | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof ApplicationFailure) return { type: error.type ?? 'untyped', message: error.message };
    throw error;
  }
}
