/** The contract between the case workflow and the worker's activities; the worker implements it. */
export interface CaseActivities {
  /** Appends `case.opened` to the case log (once, however often it is retried). */
  recordCaseOpened(input: { caseId: string }): Promise<void>;
}
