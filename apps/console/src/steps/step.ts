import type { CaseView } from '../api/types';

/** What every step form gets: the case as it stands, and the page's one way to send a step. */
export interface StepProps {
  view: CaseView;
  send(path: string, body: unknown, doneMessage: string): Promise<boolean>;
  busy: boolean;
}
