import fc from 'fast-check';
import { hugeString, NAN_LIKE, nulString, oddString, unknownKey } from './sweep-values';

/** Odd path segments and query strings for the bad-input sweep (bodies are in sweep-bodies.ts). */

/**
 * Percent-encodes text for a URL; a lone surrogate (which encodeURIComponent refuses) goes as the bytes Node would
 * send.
 */
export function pct(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
}

/** Every byte percent-encoded (decodes to the same text). */
const pctAll = (text: string, lower: boolean) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) => `%${(lower ? b.toString(16) : b.toString(16).toUpperCase()).padStart(2, '0')}`)
    .join('');

/** Percent sequences sent as they are: broken escapes, NUL, encoded slashes, overlong and surrogate UTF-8. */
export const RAW_SEGMENTS = [
  '%',
  '%Z',
  '%ZZ',
  '%ED%A0%80',
  '%00',
  '%2F',
  'a%2Fb',
  '%C0%AF',
  '%FF',
  '%E2%82',
  '%252F',
  '%uD800',
  '%%',
  '%2',
  '..%2F..%2F',
  '%2e%2e%2fstaff',
  '~',
  "!$&'()*+,;=:@",
] as const;

export interface Segment {
  segment: string;
  label: string;
}

/** Ids that are not a case: unknown UUIDs, near-UUIDs, odd text, broken escapes, very long ones. */
export const idSegment: fc.Arbitrary<Segment> = fc.oneof(
  fc.uuid().map((u) => ({ segment: u, label: 'unknown UUID' })),
  fc.uuid().map((u) => ({ segment: u.toUpperCase(), label: 'unknown upper-case UUID' })),
  fc
    .uuid()
    .chain((u) =>
      fc
        .constantFrom(
          `{${u}}`,
          `urn:uuid:${u}`,
          u.replace(/-/g, ''),
          `${u}0`,
          u.slice(1),
          ` ${u}`,
          `${u}\n`,
          `${u}\u0000`,
          `${u}\u200b`,
          u.replace(/-/g, '\u2010'),
          `${u},${u}`,
          `${u}.json`,
        )
        .map((s) => ({ segment: pct(s), label: 'near-UUID' })),
    ),
  fc
    .constantFrom(
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      'null',
      'undefined',
      '0',
      '-1',
      'NaN',
      'true',
      '[]',
      '{}',
      '1e308',
      '__proto__',
      'constructor',
      'log',
      'verify',
    )
    .map((s) => ({ segment: pct(s), label: `id ${JSON.stringify(s)}` })),
  oddString(40)
    .filter((s) => s.length > 0)
    .map((s) => ({ segment: pct(s), label: 'odd text' })),
  nulString.map((s) => ({ segment: pct(s), label: 'text with NUL' })),
  fc.constantFrom(...RAW_SEGMENTS).map((s) => ({ segment: s, label: `raw ${s}` })),
  fc.integer({ min: 200, max: 20_000 }).map((n) => ({ segment: 'a'.repeat(n), label: `${n} characters` })),
);

/** A query parameter: how to make a valid value (`g` lets a probe keep its values consistent), and the DTO's rule. */
export interface Param {
  name: string;
  valid: (g: fc.GeneratorValue) => string;
  /** true or false; undefined when the rule leaves the service a choice (never a 5xx, though) */
  isValid: (value: string) => boolean | undefined;
}

export interface QueryProbe {
  query: string;
  label: string;
  invalid: boolean | undefined;
  /** the decoded values, by name (the last of repeated names) */
  values: Map<string, string>;
}

const ODD_QUERY_VALUES = [
  '-1',
  '0',
  '1.5',
  '1e3',
  '201',
  '99999999999999999999',
  '9223372036854775807',
  '9223372036854776000',
  '18446744073709551616',
  ' 1',
  '1 ',
  '0x10',
  '+1',
  '１',
  'TRUE',
  'True',
  'yes',
  '1',
  'on',
  'AWAITING',
  'awaiting_review',
  'AWAITING_REVIEW ',
  'EMERGENCY\u200b',
  'CLOSED,OPEN',
  '2020-01-01T00:00:00Z',
  '2020-01-01',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>',
  '\r\nX-Injected: 1',
] as const;

export const oddQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_QUERY_VALUES),
  fc.constantFrom(...NAN_LIKE),
  oddString(30),
  nulString,
  fc.integer().map(String),
  fc.double().map(String),
  hugeString.map((s) => s.slice(0, 8_000)),
);

const QUERY_BREAKERS = [
  'value',
  'value',
  'value',
  'unknown',
  'duplicate',
  'empty',
  'long',
  'garbage',
  'encoded',
] as const;
/** Raw query fragments: empty keys, broken escapes, bracket syntax, separators. */
const GARBAGE = [
  '&',
  '&&&',
  '=',
  '=x',
  'x',
  '%',
  '%ZZ=1',
  '%ED%A0%80=1',
  'a[b]=c',
  ';',
  '+=+',
  'status',
  '__proto__[x]=1',
  '%00=1',
  'limit=1&limit',
] as const;

/** A query string: some valid parameters, then (usually) one thing wrong with it. */
export function queryProbe(
  g: fc.GeneratorValue,
  params: Param[],
  options: { validOneIn?: number; overall?: (values: Map<string, string>) => boolean | undefined } = {},
): QueryProbe {
  const pairs: { key: string; value: string; raw?: string; valid: boolean | undefined }[] = [];
  for (const p of params) if (g(fc.boolean)) pairs.push({ key: p.name, value: p.valid(g), valid: true });
  const labels: string[] = [];
  const byName = (name: string) => params.find((p) => p.name === name)!;
  const setParam = (p: Param, value: string, valid: boolean | undefined) => {
    const at = pairs.findIndex((x) => x.key === p.name);
    if (at >= 0) pairs.splice(at, 1);
    pairs.push({ key: p.name, value, valid });
  };

  const breaker =
    g(fc.integer, { min: 1, max: options.validOneIn ?? 3 }) === 1 ? 'none' : g(fc.constantFrom, ...QUERY_BREAKERS);
  let extraInvalid: boolean | undefined = false;
  switch (breaker) {
    case 'none':
      break;
    case 'value': {
      const p = byName(g(fc.constantFrom, ...params.map((x) => x.name)));
      const value = g(() => oddQueryValue);
      setParam(p, value, p.isValid(value));
      labels.push(`${p.name}=${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`);
      break;
    }
    case 'empty': {
      const p = byName(g(fc.constantFrom, ...params.map((x) => x.name)));
      setParam(p, '', p.isValid(''));
      labels.push(`${p.name} empty`);
      break;
    }
    case 'long': {
      const p = byName(g(fc.constantFrom, ...params.map((x) => x.name)));
      const n = g(fc.integer, { min: 1_000, max: 30_000 });
      setParam(p, 'x'.repeat(n), p.isValid('x'.repeat(n)));
      labels.push(`${p.name} of ${n} characters`);
      break;
    }
    case 'unknown': {
      const names = new Set(params.map((x) => x.name));
      const key = g(() =>
        fc
          .oneof(
            unknownKey,
            fc.constantFrom('status[]', 'status[0]', 'level[a]', 'Status', 'LIMIT', 'from ', 'caseid', 'to[]'),
          )
          .filter((k) => !names.has(k)),
      );
      pairs.push({ key, value: g(() => oddQueryValue), valid: false });
      labels.push(`unknown parameter ${JSON.stringify(key)}`);
      break;
    }
    case 'duplicate': {
      const p = byName(g(fc.constantFrom, ...params.map((x) => x.name)));
      setParam(p, p.valid(g), false);
      pairs.push({ key: p.name, value: p.valid(g), valid: false });
      labels.push(`${p.name} given twice`);
      break;
    }
    case 'encoded': {
      // Every byte percent-encoded: the same values, so the same answer.
      for (const pair of pairs) pair.raw = `${pctAll(pair.key, g(fc.boolean))}=${pctAll(pair.value, g(fc.boolean))}`;
      labels.push('every byte percent-encoded');
      break;
    }
    case 'garbage': {
      const fragment = g(fc.constantFrom, ...GARBAGE);
      pairs.push({ key: '', value: '', raw: fragment, valid: undefined });
      labels.push(`raw fragment ${JSON.stringify(fragment)}`);
      extraInvalid = undefined;
      break;
    }
  }

  const values = new Map(
    pairs.filter((p) => p.raw === undefined || breaker === 'encoded').map((p) => [p.key, p.value]),
  );
  const validities = [...pairs.map((p) => p.valid), extraInvalid === undefined ? undefined : true];
  let valid: boolean | undefined = validities.includes(false)
    ? false
    : validities.includes(undefined)
      ? undefined
      : true;
  if (valid === true && options.overall) valid = options.overall(values);
  const query = pairs.map((p) => p.raw ?? `${pct(p.key)}=${pct(p.value)}`).join('&');
  return { query, label: labels.join(' + ') || 'valid', invalid: valid === undefined ? undefined : !valid, values };
}
