import { createServer } from 'node:net';

const READ_TIMEOUT_MS = 2000;

/** A loopback port nobody is using now, for the Temporal SDK's own Prometheus exporter (read through /metrics). */
export function freeLoopbackAddress(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(`127.0.0.1:${port}`));
    });
  });
}

/** The SDK exporter's text, or undefined when it cannot be read (the worker's own metrics are served anyway). */
export async function readSdkMetrics(address: string): Promise<string | undefined> {
  try {
    const response = await fetch(`http://${address}/metrics`, { signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}
