export * from './environment';
export * from './config';
export * from './logger';
