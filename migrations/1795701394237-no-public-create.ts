import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before PostgreSQL 15 every role may create tables in the public schema. The services' role needs no such thing:
 * a login that can create objects could, for one, shadow a table with its own. Only the schema owner creates.
 */
export class NoPublicCreate1795701394237 implements MigrationInterface {
  name = 'NoPublicCreate1795701394237';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  }

  async down(): Promise<void> {
    // Nothing to restore: PostgreSQL 15 and later never granted it.
  }
}
