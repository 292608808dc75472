export * from './runtime';
export * from './temporal-client.module';
