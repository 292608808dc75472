/**
 * The words of the case lifecycle (SPEC §3), each listed once: the API's validation, the read model, the workflow
 * and the worker all take them from here. Plain data: this runs in the workflow sandbox.
 */
import type { Level } from '../../libs/policy/src/types';

export const CASE_STATUSES = [
  'AWAITING_ASSESSMENT',
  'AWAITING_REVIEW',
  'AWAITING_REFERRAL',
  'AWAITING_FEEDBACK',
  'CLOSED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** `safeguarding_lead`: level 3 of paging (SPEC §7); it takes no step by itself (a lead who decides also holds one). */
export const STAFF_ROLES = ['officer', 'on_call', 'supervisor', 'safeguarding_lead', 'auditor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** SPEC §3.3: who may review a decision of each level (never the assessor: four eyes). */
export const REVIEW_ROLES: Readonly<Record<Level, readonly StaffRole[]>> = {
  EMERGENCY: ['on_call', 'supervisor'],
  NON_EMERGENCY: ['supervisor'],
  NONE: ['supervisor'],
};
/** Everyone who reviews a decision at some level: the review endpoint's audience. */
export const REVIEWER_ROLES: readonly StaffRole[] = [...new Set(Object.values(REVIEW_ROLES).flat())];
/** Who decides whether a deferred notification can now go to the young person. */
export const DEFERRAL_REVIEW_ROLES: readonly StaffRole[] = ['supervisor'];
/** Who records assessments, referrals, involvement, check-ins and feedback. */
export const OFFICER_ROLES: readonly StaffRole[] = ['officer'];

export const REVIEW_DECISIONS = ['APPROVE', 'OVERRIDE', 'REQUEST_MORE_INFO'] as const;
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

export const RELEASE_DECISIONS = ['RELEASE', 'EXTEND'] as const;
export type ReleaseDecision = (typeof RELEASE_DECISIONS)[number];

export const INVOLVEMENT_OUTCOMES = ['AGREED', 'INFORMED_NOT_AGREED', 'NOT_POSSIBLE'] as const;

/** SPEC §3.5: the only fields that may ever be shared with an agency. */
export const SHAREABLE_FIELDS = [
  'name',
  'dateOfBirth',
  'phone',
  'email',
  'address',
  'location',
  'ipAddress',
  'concernSummary',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

export const REFERRAL_METHODS = ['PHONE', 'SECURE_EMAIL', 'PORTAL'] as const;
