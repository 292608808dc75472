import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of the append-only, hash-chained case log (SPEC §4). The database refuses UPDATE and DELETE. */
@Entity({ name: 'case_log_entries' })
export class CaseLogEntryEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 100 })
  actor!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  /**
   * business identity of the step that wrote it (e.g. 'case.opened'): unique per case, so a retry never writes twice
   */
  @Column({ name: 'step_key', type: 'varchar', length: 200 })
  stepKey!: string;
}
