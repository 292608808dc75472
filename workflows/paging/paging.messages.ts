import { defineUpdate } from '@temporalio/workflow';
import type { CaseUpdate } from '../case/case.types';
import type { AcknowledgeInput, Acknowledgement } from './paging.types';

/**
 * Sent by POST /cases/:id/acknowledge after the API's own check (docs/paging.md says what its validator and handler
 * must do): stops repeats at the level being paged, logs `review.acknowledged`, answers with the acknowledgement.
 */
export const acknowledgePageUpdate = defineUpdate<Acknowledgement, [CaseUpdate<AcknowledgeInput>]>('acknowledgePage');
