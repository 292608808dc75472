/** A small JSON client for the benchmark: keep-alive fetch, throws on an unexpected status. */
// The benchmark reads a few known fields of each answer.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
  expect: number[] = [200, 201],
): Promise<Json> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expect.includes(response.status))
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

export async function login(baseUrl: string, username: string, password: string): Promise<Record<string, string>> {
  const { accessToken } = await call(baseUrl, 'POST', '/auth/login', {}, { username, password });
  return { Authorization: `Bearer ${accessToken}` };
}
