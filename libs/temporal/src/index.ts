export * from './runtime';
export * from './temporal-client.module';
export * from './encryption-codec';
export * from './data-converter';
