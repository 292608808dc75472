/** What the read model's triggers announce (migrations/…-read-model-notify.ts): ids and statuses only. */
export type ReadModelChange =
  | { type: 'case'; id: string; status: string; level: string | null; escalated: boolean }
  | { type: 'task'; id: string; caseId: string; status: 'open' | 'done' };

export const CHANGES_CHANNEL = 'read_model_changes';

/** A notification's payload as an event, keeping only the whitelisted fields; undefined if it is not one. */
export function parseChange(payload: string | undefined): ReadModelChange | undefined {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(payload ?? '') as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (raw.type === 'case' && typeof raw.id === 'string' && typeof raw.status === 'string')
    return {
      type: 'case',
      id: raw.id,
      status: raw.status,
      level: typeof raw.level === 'string' ? raw.level : null,
      escalated: raw.escalated === true,
    };
  if (raw.type === 'task' && typeof raw.id === 'string' && typeof raw.caseId === 'string')
    return { type: 'task', id: raw.id, caseId: raw.caseId, status: raw.status === 'done' ? 'done' : 'open' };
  return undefined;
}

/** One server-sent event: `event: case|task` and its data, without the type (it is the event's name). */
export function toServerSentEvent(change: ReadModelChange): string {
  const { type, ...data } = change;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}
