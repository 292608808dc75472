import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Something a person must do for a case (a check-in, a failed delivery to follow up), with its due time. */
@Entity({ name: 'case_tasks' })
export class CaseTaskEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'task_key', type: 'varchar', length: 200 })
  taskKey!: string;

  @Column({ type: 'varchar', length: 64 })
  kind!: string;

  /** the role expected to do it */
  @Column({ type: 'varchar', length: 32 })
  role!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
