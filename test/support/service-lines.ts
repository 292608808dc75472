/** The JSON log lines of the services in a stack's log (`[api] {…}`, `[worker] {…}`), parsed. */
export function serviceLines(stackLog: string): Record<string, unknown>[] {
  return stackLog
    .split('\n')
    .map((line) => /^\[(?:api|worker)\] (\{.*\})$/.exec(line)?.[1])
    .filter((json): json is string => json !== undefined)
    .map((json) => JSON.parse(json) as Record<string, unknown>);
}
