/** One server-sent event as received, with when it arrived. */
export interface ReceivedEvent {
  event: string;
  data: any;
  at: number;
}

/** An open GET /events, read as a browser's EventSource would; `raw` keeps every byte for leak checks. */
export interface EventStream {
  status: number;
  body: any;
  raw: () => string;
  events: ReceivedEvent[];
  /** resolves when the server ends the stream */
  ended: Promise<void>;
  next(what: string, match: (e: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): void;
}

export async function openEvents(url: string, headers: Record<string, string>): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${url}/events`, {
    headers: { Accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  let raw = '';
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  if (response.status !== 200) {
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      raw: () => text,
      events,
      ended: Promise.resolve(),
      next: () => Promise.reject(new Error('The stream was refused')),
      close: () => undefined,
    };
  }
  let firstChunk: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (firstChunk = resolve));
  const ended = (async () => {
    const decoder = new TextDecoder();
    let pending = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        const text = decoder.decode(chunk, { stream: true });
        raw += text;
        pending += text;
        firstChunk();
        let end: number;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data), at: Date.now() });
        }
        for (const wake of [...waiters]) wake();
      }
    } catch {
      // aborted by close()
    }
    for (const wake of [...waiters]) wake();
    firstChunk();
  })();
  await opened; // the server writes `retry:` first, at once
  let finished = false;
  void ended.then(() => (finished = true));
  return {
    status: 200,
    body: undefined,
    raw: () => raw,
    events,
    ended,
    close: () => abort.abort(),
    next(what, match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const found = events.find(match);
          if (found) {
            cleanup();
            resolve(found);
          } else if (finished) {
            cleanup();
            reject(new Error(`The stream ended before ${what}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No ${what} within ${timeoutMs} ms; received ${JSON.stringify(events)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(look);
        };
        waiters.add(look);
        look();
      });
    },
  };
}
