// What an EMERGENCY on a disclosure carries, read from the rule table (rule 10) rather than restated elsewhere.
import { DEFAULT_CALENDAR, PolicyCalendar } from './calendar';
import { factsFrom } from './facts';
import type { SoFar } from './outcome';
import { POLICIES } from './rules';
import { Action, ACTIONS, PolicyInput } from './types';

/**
 * The actions an EMERGENCY on this disclosure carries, whatever level the policy gave it: a reviewer who overrides the
 * recommendation to EMERGENCY decides an emergency, and it carries them too (a group-chat removal and check-in).
 */
export function emergencyActions(input: PolicyInput, calendar: PolicyCalendar = DEFAULT_CALENDAR): Action[] {
  const facts = factsFrom(input, calendar);
  const emergency: SoFar = { level: 'EMERGENCY', fired: [], referralClosed: false };
  const actions = new Set<Action>();
  for (const rule of POLICIES[facts.version]) {
    for (const action of rule.apply(facts, emergency)?.actions ?? []) actions.add(action);
  }
  return ACTIONS.filter((action) => actions.has(action));
}
