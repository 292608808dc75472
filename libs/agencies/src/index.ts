export * from './messages';
export * from './signature';
export * from './webhook';
export * from './outbox';
export * from './delivery-errors';
export * from './delivery-ledger';
export * from './route-settings';
export * from './routes';
export * from './subject-notifier';
export * from './referral-sender';
export * from './staff/staff-directory';
// Not here: routes.config (NestJS, which unit tests cannot load); import '@sg/agencies/routes.config'.
export * from './route-summary';
