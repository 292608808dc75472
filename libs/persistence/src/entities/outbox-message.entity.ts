import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A delivery written locally because no webhook is configured (development mode). */
@Entity({ name: 'outbox_messages' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 300 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 64 })
  kind!: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  recipient!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
