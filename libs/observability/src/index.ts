export * from './logger';
export * from './nest-logger';
export * from './redaction';
export * from './request-context';
export * from './temporal-logger';
export * from './metrics-access';
