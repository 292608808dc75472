import { defineQuery } from '@temporalio/workflow';
import { CaseState } from './case.types';

export const caseStateQuery = defineQuery<CaseState>('caseState');
