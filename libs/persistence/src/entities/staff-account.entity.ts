import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A staff member who can log in. Roles are a set: a safeguarding lead may both assess and review (never the same case).
 */
@Entity({ name: 'staff_accounts' })
export class StaffAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  username!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  /** argon2id */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
