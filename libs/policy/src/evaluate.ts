// The policy engine: pure and deterministic (same input, same output, no I/O, no clock).
import { DEFAULT_CALENDAR, PolicyCalendar } from './calendar';
import { factsFrom } from './facts';
import { applyEffect, EMPTY_DRAFT, toOutput } from './outcome';
import { POLICIES } from './rules';
import type { PolicyInput, PolicyOutput } from './types';

/**
 * Judges a disclosure by the policy in force when it was made. Runs that version's rules in table
 * order; `rules` in the output names each one that fired, so a reviewer can see why.
 */
export function evaluatePolicy(input: PolicyInput, calendar: PolicyCalendar = DEFAULT_CALENDAR): PolicyOutput {
  const facts = factsFrom(input, calendar);
  let draft = EMPTY_DRAFT;
  for (const rule of POLICIES[facts.version]) {
    // After the chatbot rule nothing can lead to a referral; flags and signposting still apply.
    if (rule.kind === 'referral' && draft.referralClosed) continue;
    const effect = rule.apply(facts, draft);
    if (effect) draft = applyEffect(draft, rule.id, effect);
  }
  return toOutput(draft, facts.version);
}
