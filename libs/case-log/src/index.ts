export * from './canonical-json';
export * from './log-entry';
export * from './entry-hash';
export * from './log-entry-types';
export * from './case-log.store';
export * from './audit';
export * from './current-keyring';
