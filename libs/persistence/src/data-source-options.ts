import { DataSourceOptions } from 'typeorm';
import { CaseEntity } from './entities/case.entity';
import { CaseLogEntryEntity } from './entities/case-log-entry.entity';
import { CaseTaskEntity } from './entities/case-task.entity';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { StaffAccountEntity } from './entities/staff-account.entity';
import { MIGRATIONS } from '../../../migrations';

export const ENTITIES = [CaseEntity, CaseLogEntryEntity, CaseTaskEntity, OutboxMessageEntity, StaffAccountEntity];

/**
 * One definition for the API, the worker, the migrator and the TypeORM CLI. The schema is never synchronised.
 * `ssl` is node-postgres's (DATABASE_SSL); an `sslmode` in the URL takes precedence.
 */
export function dataSourceOptions(
  url: string,
  ssl: false | { rejectUnauthorized: boolean; ca?: string } = false,
  poolSize?: number,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    ssl,
    ...(poolSize ? { poolSize } : {}),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // off: a failed query's log line would carry its parameters, i.e. disclosure text
    logging: false,
  };
}
