export * from './canonical-json';
export * from './log-entry';
export * from './entry-hash';
export * from './verify-chain';
export * from './log-entry-types';
export * from './case-log.store';
export * from './audit';
