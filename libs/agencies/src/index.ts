export * from './messages';
export * from './signature';
export * from './webhook';
export * from './outbox';
export * from './subject-notifier';
export * from './referral-sender';
