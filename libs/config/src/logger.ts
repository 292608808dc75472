// Structured JSON logs (pino) with request ids and a redaction list: see libs/observability and docs/operations.md.
export { createServiceLogger } from '@sg/observability';
