import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CaseStatus } from '@sg/workflows/case/case-vocabulary';

export type { CaseStatus };

export interface SubjectContact {
  platformMessage?: boolean;
  email?: string;
  phone?: string;
}

export interface IdentifyingDetails {
  name?: string;
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  address?: string;
  location?: string;
  ipAddress?: string;
}

/** A safeguarding case: the disclosure as received, plus the read model the workflow keeps current. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: CaseStatus;

  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'subject_external_user_id', type: 'varchar', length: 200 })
  subjectExternalUserId!: string;

  @Column({ name: 'subject_age', type: 'smallint', nullable: true })
  subjectAge!: number | null;

  @Column({ name: 'subject_contact', type: 'jsonb', default: () => "'{}'" })
  subjectContact!: SubjectContact;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  identifying!: IdentifyingDetails;

  /** who submitted it: 'platform' or a staff username */
  @Column({ name: 'submitted_by', type: 'varchar', length: 100 })
  submittedBy!: string;

  @Column({ name: 'intake_key', type: 'varchar', length: 200, nullable: true, unique: true })
  intakeKey!: string | null;

  /** sha256 of the canonical request, so a reused Idempotency-Key with a different body is caught */
  @Column({ name: 'intake_fingerprint', type: 'char', length: 64 })
  intakeFingerprint!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  level!: string | null;

  @Column({ type: 'boolean', default: false })
  escalated!: boolean;

  @Column({ name: 'assessed_by', type: 'varchar', length: 100, nullable: true })
  assessedBy!: string | null;

  @Column({ name: 'review_deadline_at', type: 'timestamptz', nullable: true })
  reviewDeadlineAt!: Date | null;

  /** null until Temporal has accepted the workflow: the relay keeps retrying such cases */
  @Column({ name: 'workflow_started_at', type: 'timestamptz', nullable: true })
  workflowStartedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
