export * from './environment';
export * from './config';
export * from './logger';
export * from './duration';
export * from './security';
export * from './log-signing';
export * from './log-keys';
