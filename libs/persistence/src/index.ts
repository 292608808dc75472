export * from './entities/case.entity';
export * from './entities/case-log-entry.entity';
export * from './data-source-options';
