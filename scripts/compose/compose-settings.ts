import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

/** The production compose file, as YAML sees it (anchors and merge keys resolved). */
export interface ComposeFile {
  services: Record<string, { environment?: Record<string, string>; volumes?: string[] }>;
  volumes?: Record<string, unknown>;
}

export function readComposeFile(root: string): ComposeFile {
  const file = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as ComposeFile;
  for (const service of Object.values(file.services))
    if (service.environment) service.environment = merged(service.environment);
  return file;
}

/** YAML merge keys (`<<: *anchor`), which this parser leaves as a key, resolved as compose resolves them. */
function merged(map: Record<string, unknown>): Record<string, string> {
  const { '<<': base, ...own } = map;
  const bases = (Array.isArray(base) ? base : base ? [base] : []) as Record<string, unknown>[];
  return Object.assign({}, ...bases.map(merged), own) as Record<string, string>;
}

/** `${NAME:?message}`, `${NAME:-default}` and `${NAME}`: compose's substitutions. */
const VARIABLE = /\$\{([A-Z0-9_]+)(?::([?-])([^}]*))?\}/g;

/** The variables a value requires (`${NAME:?…}`): compose refuses to start without them. */
export function requiredVariables(value: string): string[] {
  return [...value.matchAll(VARIABLE)].filter((m) => m[2] === '?').map((m) => m[1]);
}

/** A service's environment as its container gets it, with `given` for the variables and compose's defaults. */
export function resolvedEnvironment(
  environment: Record<string, string>,
  given: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value).replace(VARIABLE, (_, variable: string, kind?: string, fallback?: string) => {
        if (variable in given) return given[variable];
        if (kind === '-') return fallback ?? '';
        throw new Error(`${name} needs ${variable}, which is not given`);
      }),
    ]),
  );
}
