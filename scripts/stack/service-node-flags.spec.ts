import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { SERVICE_NODE_FLAGS } from './service-node-flags';

/** Every way the services are started runs them with the same heap flags as the local stack (and the benchmark). */
const ROOT = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const MAINS = { api: 'dist/apps/api/src/main.js', worker: 'dist/apps/worker/src/main.js' } as const;

describe.each(Object.entries(MAINS))('the %s', (service, main) => {
  const expected = ['node', ...SERVICE_NODE_FLAGS, main];

  it('runs with the heap flags in docker-compose.yml', () => {
    const compose = load(read('docker-compose.yml')) as { services: Record<string, { command: string[] }> };
    expect(compose.services[service].command).toEqual(expected);
  });

  it('runs with the heap flags from npm run start:*', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts[`start:${service}`]).toBe(expected.join(' '));
  });
});

it("runs with the heap flags as the image's default command", () => {
  const cmd = /^CMD (.+)$/m.exec(read('Dockerfile'))?.[1];
  expect(JSON.parse(cmd ?? 'null')).toEqual(['node', ...SERVICE_NODE_FLAGS, MAINS.api]);
});

it('sets a heap limit well above what a process was measured to use, and bounds the young generation', () => {
  const value = (flag: string) => Number(SERVICE_NODE_FLAGS.find((f) => f.startsWith(`${flag}=`))?.split('=')[1]);
  expect(value('--max-old-space-size')).toBeGreaterThanOrEqual(3 * 150); // busiest live heap measured: ~150 MiB
  expect(value('--max-semi-space-size')).toBeLessThan(16); // V8's own 64-bit default
});
