/** The console's only way to the API: same origin, the session cookie, JSON, and the console's request header. */

export interface FieldProblem {
  field: string;
  message: string;
}

/** A refusal from the API, in the words it gave. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | undefined,
    readonly fields: FieldProblem[],
  ) {
    super(message);
  }
}

type Listener = () => void;
let sessionEnded: Listener = () => undefined;

/** Called whenever the API answers 401 to a signed-in request: the session has ended. */
export function onSessionEnded(listener: Listener): void {
  sessionEnded = listener;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function fieldProblems(errors: unknown): FieldProblem[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((e: Record<string, unknown>) => ({
    field: String(e.field ?? e.property ?? ''),
    message: String(e.message ?? (e.constraints ? Object.values(e.constraints as object).join('; ') : 'is not valid')),
  }));
}

async function toError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const message = typeof body.message === 'string' ? body.message : `The service answered ${response.status}.`;
  return new ApiError(response.status, message, body.code as string | undefined, fieldProblems(body.errors));
}

export interface CallOptions {
  body?: unknown;
  /** sign-in steps: a 401 there is a wrong password or code, not an ended session */
  signingIn?: boolean;
}

export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (WRITES.has(method)) headers['X-Console-Request'] = '1';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status === 401 && !options.signingIn) sessionEnded();
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => call<T>('POST', path, { body });
