export * from './runtime';
export * from './temporal-client.module';
export * from './encryption-codec';
export * from './data-converter';
export * from './payload-keyring';
export * from './connection-options';
