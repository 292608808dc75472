/** The shapes the console reads from the API (only the fields it uses). */

export interface Session {
  username: string;
  roles: string[];
  expiresAt: string;
}

export interface CaseSummary {
  id: string;
  status: string;
  level: string | null;
  escalated: boolean;
  channel: string;
  occurredAt: string;
  reviewDeadline: string | null;
  openTasks: number;
  createdAt: string;
}

export interface OpenTask {
  id: string;
  caseId: string;
  kind: string;
  dueAt: string | null;
  status: string;
}

export interface CaseTask {
  kind: string;
  role?: string;
  description?: string;
  dueAt: string | null;
  createdAt?: string;
}

export interface PolicyOutput {
  policyVersion: string;
  level: string;
  agencies: string[];
  actions: string[];
  flags: string[];
  rules: string[];
  signposting: { name: string; contact: string }[];
}

export interface Step {
  by: string;
  at: string;
  [field: string]: unknown;
}

export interface PriorCase {
  id: string;
  status: string;
  level: string | null;
  openedAt: string;
}

export interface CaseView {
  id: string;
  status: string;
  channel: string;
  occurredAt: string;
  summary: string;
  subject: { externalUserId: string; age: number | null; contact: Record<string, string> | null };
  identifying: Record<string, string> | null;
  level: string | null;
  escalated: boolean;
  reviewDeadline: string | null;
  createdAt: string;
  assessment: Step | null;
  recommendation: PolicyOutput | null;
  decision: (Step & { decision: string; level: string; agencies: string[]; actions: string[] }) | null;
  referrals: (Step & { agency: string; sharedData: Record<string, string> })[];
  notifications: (Step & { type: string })[];
  involvement: (Step & { outcome: string; agreedFields?: string[] })[];
  feedback: (Step & { type: string; agency?: string })[];
  closure: Step | null;
  openTasks: CaseTask[];
  priorCaseIds?: string[];
  priorCases?: PriorCase[];
}

export interface LogEntry {
  caseId: string;
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  hash: string;
}

export interface LogVerification {
  valid: boolean;
  entries: number;
  headHash: string | null;
  firstInvalidSeq?: number;
  reason?: string;
  checkpointedSeq?: number;
}
