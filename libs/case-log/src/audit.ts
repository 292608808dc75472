// The auditor's side of the case log: signatures, chain audits against checkpoints, and the NDJSON export.
export * from './keyring';
export * from './signatures';
export * from './chain-audit';
export * from './export-format';
export * from './export-verifier';
export * from './public-key-text';
