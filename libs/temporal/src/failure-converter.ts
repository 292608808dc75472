import { DefaultFailureConverter } from '@temporalio/common';

// Loaded by path (also inside the workflow sandbox): failure messages and stack traces can quote input,
// so they are encoded, and so encrypted, like any other payload.
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
