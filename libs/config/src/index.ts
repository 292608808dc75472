export * from './environment';
export * from './config';
export * from './logger';
export * from './duration';
