// Accumulates what the rules decided and turns it into the output. Levels combine by taking the
// highest, agencies by union (SPEC rule 9); every list comes out in a fixed order.
import { SIGNPOSTING } from './signposting';
import {
  Action,
  ACTIONS,
  AGENCIES,
  Agency,
  Flag,
  FLAGS,
  Level,
  LEVELS,
  PolicyOutput,
  PolicyVersion,
  RuleId,
} from './types';

/** What one rule did when it fired; an empty effect means it only explains (it is traced). */
export interface Effect {
  /** A level and agencies this rule asks for; combined with the others (rule 9). */
  readonly refer?: { readonly level: Level; readonly agencies: readonly Agency[] };
  /** An exception: cancels what an earlier rule asked for. */
  readonly withdraw?: RuleId;
  readonly actions?: readonly Action[];
  readonly flags?: readonly Flag[];
  /** Nothing can lead to a referral any more: later referral rules are skipped (the chatbot). */
  readonly closesReferral?: true;
  readonly signposting?: true;
}

/** What a rule may read about the rules before it. */
export interface SoFar {
  readonly level: Level;
  readonly fired: readonly RuleId[];
  readonly referralClosed: boolean;
}

interface Draft extends SoFar {
  readonly referrals: readonly { readonly rule: RuleId; readonly level: Level; readonly agencies: readonly Agency[] }[];
  readonly actions: readonly Action[];
  readonly flags: readonly Flag[];
  readonly signposting: boolean;
}

export const EMPTY_DRAFT: Draft = {
  level: 'NONE',
  fired: [],
  referralClosed: false,
  referrals: [],
  actions: [],
  flags: [],
  signposting: false,
};

const rank = (level: Level): number => LEVELS.indexOf(level);

export function highestLevel(levels: readonly Level[]): Level {
  return levels.reduce<Level>((best, l) => (rank(l) > rank(best) ? l : best), 'NONE');
}

/** Keeps the canonical order of `order` and drops duplicates. */
function ordered<T>(order: readonly T[], items: readonly T[]): T[] {
  return order.filter((x) => items.includes(x));
}

export function applyEffect(draft: Draft, rule: RuleId, effect: Effect): Draft {
  const kept = draft.referrals.filter((r) => r.rule !== effect.withdraw);
  const referrals = effect.refer ? [...kept, { rule, ...effect.refer }] : kept;
  return {
    level: highestLevel(referrals.map((r) => r.level)),
    fired: [...draft.fired, rule],
    referralClosed: draft.referralClosed || effect.closesReferral === true,
    referrals,
    actions: [...draft.actions, ...(effect.actions ?? [])],
    flags: [...draft.flags, ...(effect.flags ?? [])],
    signposting: draft.signposting || effect.signposting === true,
  };
}

export function toOutput(draft: Draft, policyVersion: PolicyVersion): PolicyOutput {
  return {
    policyVersion,
    level: draft.level,
    agencies: ordered(
      AGENCIES,
      draft.referrals.flatMap((r) => r.agencies),
    ),
    actions: ordered(ACTIONS, draft.actions),
    flags: ordered(FLAGS, draft.flags),
    rules: [...draft.fired],
    // Fresh objects each time, so a caller editing one output cannot change another.
    signposting: draft.signposting ? SIGNPOSTING.map((s) => ({ ...s })) : [],
  };
}
