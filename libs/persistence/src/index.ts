export * from './entities/case.entity';
export * from './entities/case-log-entry.entity';
export * from './entities/case-task.entity';
export * from './entities/outbox-message.entity';
export * from './entities/staff-account.entity';
export * from './data-source-options';
export * from './database-unavailable';
