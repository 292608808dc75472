import { useEffect, useRef } from 'react';
import { get } from './api/http';

export interface CaseEvent {
  id: string;
  status: string;
  level: string | null;
  escalated: boolean;
}

export interface TaskEvent {
  id: string;
  caseId: string;
  status: string;
}

export interface LiveHandlers {
  onCase?(event: CaseEvent): void;
  onTask?(event: TaskEvent): void;
}

/** Server-sent events from GET /events while the component is mounted; events carry ids and statuses only. */
export function useLiveEvents(handlers: LiveHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const source = new EventSource('/events', { withCredentials: true });
    const parse = <T>(e: MessageEvent) => JSON.parse(String(e.data)) as T;
    source.addEventListener('case', (e) => latest.current.onCase?.(parse<CaseEvent>(e as MessageEvent)));
    source.addEventListener('task', (e) => latest.current.onTask?.(parse<TaskEvent>(e as MessageEvent)));
    // The browser reconnects by itself unless the stream was refused; a refusal usually means the session ended,
    // which asking for the session confirms (a 401 there signs the console out).
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) void get('/auth/session').catch(() => undefined);
    });
    return () => source.close();
  }, []);
}
