import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';

/**
 * Runs one endpoint's sweep: fast-check generates the requests (`fc.assert(fc.asyncProperty(…), {numRuns})`),
 * a small pool keeps several in flight, and every answer is checked once all have come back, so the status
 * histogram covers the whole sweep and every kind of failure is reported, each by its smallest example.
 */

export interface Probe {
  /** what is odd about the request, in a few words */
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** true: must be refused (4xx); false: valid, must be accepted; undefined: either, but never 5xx */
  invalid: boolean | undefined;
}

export interface Expectations {
  /** what an invalid request may be answered with */
  refused: number[];
  /** what a valid request may be answered with */
  accepted: number[];
}

export interface Problem {
  status: number;
  label: string;
  request: string;
  size: number;
  answer: string;
  invalid: boolean | undefined;
}

export interface SweepResult {
  name: string;
  requests: number;
  seconds: number;
  seed: number;
  histogram: Map<number, number>;
  problems: Problem[];
}

export const SWEEP_RUNS = Number(process.env.SWEEP_RUNS ?? 2000);
/** Requests in flight: the API waits on PostgreSQL for every authenticated request, so 16 keep its 2 cores busy. */
export const SWEEP_CONCURRENCY = Number(process.env.SWEEP_CONCURRENCY ?? 16);
/** Every answer comes within milliseconds; one that takes this long is a hang (and is reported). */
const REQUEST_TIMEOUT_MS = 5_000;
const BASE_SEED = Number(process.env.SWEEP_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** At most `limit` tasks at once: `add` returns as soon as the task has started. */
class Pool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly all = new Set<Promise<void>>();

  constructor(private readonly limit: number) {}

  async add(task: () => Promise<void>): Promise<void> {
    while (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    const done = task().finally(() => {
      this.running--;
      this.all.delete(done);
      this.waiting.shift()?.();
    });
    this.all.add(done);
  }

  async drain(): Promise<void> {
    while (this.all.size) await Promise.all([...this.all]);
  }
}

const preview = (text: string, max = 240) => {
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return text.length > max ? `${shown} (${text.length} chars)` : shown;
};

/** The body as the server reads it: decompressed when it was sent compressed (and can be). */
function readable(probe: Probe): string {
  const body = probe.body!;
  const encoding = Object.entries(probe.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
  try {
    if (encoding === 'gzip') return `(gzip of) ${gunzipSync(body).toString('utf8')}`;
    if (encoding === 'deflate') return `(deflate of) ${inflateSync(body).toString('utf8')}`;
    if (encoding === 'br') return `(br of) ${brotliDecompressSync(body).toString('utf8')}`;
  } catch {
    // not compressed after all: show the bytes
  }
  return body.toString('utf8');
}

function describeRequest(probe: Probe): string {
  const headers = Object.entries(probe.headers)
    .filter(([k]) => !/^(authorization|x-api-key)$/i.test(k))
    .map(([k, v]) => `${k}: ${v.length > 60 ? `${v.slice(0, 60)}… (${v.length} chars)` : v}`)
    .join('; ');
  const body = probe.body ? ` ${preview(readable(probe))}` : '';
  return `${probe.method} ${probe.path.length > 300 ? `${probe.path.slice(0, 300)}… (${probe.path.length} chars)` : probe.path}${headers ? ` [${headers}]` : ''}${body}`;
}

function seedFor(name: string): number {
  let hash = BASE_SEED;
  for (const ch of name) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return hash >>> 0;
}

/**
 * Sends `runs` generated requests to `apiUrl`, then the `pinned` ones (inputs that once failed, kept so each
 * run tries them whatever the seed), and checks every answer against `expect`.
 */
export async function runSweep(
  name: string,
  apiUrl: string,
  probes: fc.Arbitrary<Probe>,
  expect: Expectations,
  pinned: Probe[] = [],
  runs = SWEEP_RUNS,
): Promise<SweepResult> {
  const histogram = new Map<number, number>();
  const problems: Problem[] = [];
  const pool = new Pool(SWEEP_CONCURRENCY);
  const seed = seedFor(name);
  let requests = 0;
  const started = Date.now();

  const send = async (probe: Probe) => {
    requests++;
    let status = 0;
    let answer: string;
    try {
      const response = await fetch(`${apiUrl}${probe.path}`, {
        method: probe.method,
        headers: probe.headers,
        body: probe.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      answer = await response.text();
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      answer = `no answer: ${(error as Error).name}: ${(error as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`;
    }
    histogram.set(status, (histogram.get(status) ?? 0) + 1);
    const allowed =
      probe.invalid === true
        ? expect.refused
        : probe.invalid === false
          ? expect.accepted
          : [...expect.refused, ...expect.accepted];
    if (status >= 500 || status === 0 || !allowed.includes(status)) {
      problems.push({
        status,
        label: probe.label,
        request: describeRequest(probe),
        size: (probe.body?.length ?? 0) + probe.path.length,
        answer: preview(answer, 200),
        invalid: probe.invalid,
      });
    }
  };

  await fc.assert(
    fc.asyncProperty(probes, async (probe) => {
      await pool.add(() => send(probe));
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  for (const probe of pinned) await pool.add(() => send(probe));
  await pool.drain();
  return { name, requests, seconds: (Date.now() - started) / 1000, seed, histogram, problems };
}

export function histogramText(histogram: Map<number, number>): string {
  return [...histogram.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status || 'no answer'}×${n}`)
    .join(', ');
}

const PROTOTYPE_NAME =
  /unknown (field|parameter|key) ("[^"]*", )*"(__proto__|constructor|prototype|toString|hasOwnProperty|valueOf|isPrototypeOf|__defineGetter__)"/;

/**
 * The kind of a problem, so each is reported once: its status and the first thing odd about the request
 * (numbers taken out), except two causes that show up whatever else a request has: deep nesting, and a field
 * with a built-in property name.
 */
function kindOf(p: Problem): string {
  const deep = /deep (array|object|mixed) nesting/.test(p.label);
  const what =
    deep && p.status >= 500
      ? 'deep nesting'
      : PROTOTYPE_NAME.test(p.label)
        ? 'an unknown field with a built-in property name (__proto__, constructor, prototype, toString, …)'
        : deep
          ? 'deep nesting'
          : p.label.split(' + ')[0].replace(/\d+/g, 'N');
  return `${p.status || 'no answer'} for ${p.invalid === true ? 'an invalid' : p.invalid === false ? 'a valid' : 'a'} request: ${what}`;
}

/** One line per kind of problem, each with its smallest example: what the sweep's assertion shows. */
export function problemLines(result: SweepResult, max = 15): string[] {
  const byKind = new Map<string, { count: number; smallest: Problem }>();
  for (const p of result.problems) {
    const kind = kindOf(p);
    const seen = byKind.get(kind);
    if (!seen) byKind.set(kind, { count: 1, smallest: p });
    else {
      seen.count++;
      if (p.size < seen.smallest.size) seen.smallest = p;
    }
  }
  const lines = [...byKind.entries()]
    .sort(
      ([, a], [, b]) =>
        Number(a.smallest.status !== 0) - Number(b.smallest.status !== 0) || a.smallest.size - b.smallest.size,
    )
    .map(
      ([kind, { count, smallest }]) =>
        `${kind} — ${count}×, smallest: ${smallest.request} → ${smallest.status} ${smallest.answer}`,
    );
  return lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more kinds`] : lines;
}

export function summaryLine(result: SweepResult, writes: string[]): string {
  const rate = Math.round(result.requests / Math.max(result.seconds, 0.001));
  return `[sweep] ${result.name}: ${result.requests} requests in ${result.seconds.toFixed(1)} s (${rate}/s, seed ${result.seed}) — ${histogramText(result.histogram)}; ${result.problems.length} wrong answers; ${writes.length ? `WRITES: ${writes.join('; ')}` : 'nothing written'}`;
}
