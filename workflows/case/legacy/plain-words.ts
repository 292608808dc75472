// FROZEN with legacy/case.workflow.ts: replayed by cases started before `case-workflow-v2`. Never change it.
import type { Level } from './case.types';

/** Why we shared, in words a young person can read (SPEC §1: they can ask why we reported). */
export function reasonForSharing(level: Level): string {
  return level === 'EMERGENCY'
    ? 'We were worried that a life was in immediate danger, so we asked the emergency services to help straight away.'
    : 'We were worried about your safety, so we shared some details with people whose job is to help keep you safe.';
}
