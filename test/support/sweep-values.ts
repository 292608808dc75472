import fc from 'fast-check';
import { isEmail, isIP, isISO8601, length } from 'class-validator';

/**
 * The building blocks of the bad-input sweep (test/bad-input-sweep.e2e-spec.ts): a small JSON model that can
 * also say things JSON.stringify cannot (raw tokens, duplicate keys, invalid UTF-8 bytes, deep nesting), odd
 * values, and a schema per request body with an oracle, so a body can be broken on purpose and *known* to be
 * invalid (SPEC §5: `400` for bad input, nothing written).
 */

// ---------------------------------------------------------------- the JSON model

export const MALFORMED = Symbol('malformed JSON');

/**
 * JSON text sent as it is (a number token such as `1e309`, deep nesting, a syntax error); `parsed` is what the server
 * reads.
 */
export class Raw {
  constructor(
    readonly text: string,
    readonly parsed: unknown,
  ) {}

  static of(text: string): Raw {
    try {
      return new Raw(text, JSON.parse(text));
    } catch {
      return new Raw(text, MALFORMED);
    }
  }
}

/** An object written entry by entry, so a key can appear twice (JSON.parse keeps the last). */
export class Dup {
  constructor(readonly entries: [string, unknown][]) {}
}

/** A JSON string with raw bytes inside it (invalid UTF-8, which the server decodes as U+FFFD). */
export class Bytes {
  constructor(readonly parts: (string | Buffer)[]) {}
}

export type Json = unknown;

/** A value with a few words saying what is odd about it (for the sweep's report). */
export interface Labelled {
  value: Json;
  label: string;
}

/** The bytes of a value of the model. */
export function encode(value: Json): Buffer {
  const out: (string | Buffer)[] = [];
  write(value, out);
  return Buffer.concat(out.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

function write(value: Json, out: (string | Buffer)[]): void {
  if (value instanceof Raw) out.push(value.text);
  else if (value instanceof Bytes) {
    out.push('"');
    for (const part of value.parts) out.push(typeof part === 'string' ? JSON.stringify(part).slice(1, -1) : part);
    out.push('"');
  } else if (value instanceof Dup) writeEntries(value.entries, out);
  else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i) out.push(',');
      write(item === undefined ? null : item, out);
    });
    out.push(']');
  } else if (value !== null && typeof value === 'object')
    writeEntries(
      Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]),
      out,
    );
  else out.push(JSON.stringify(value) ?? 'null');
}

function writeEntries(entries: [string, unknown][], out: (string | Buffer)[]): void {
  out.push('{');
  let first = true;
  for (const [key, item] of entries) {
    if (item === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(item, out);
  }
  out.push('}');
}

/** What the server's JSON.parse makes of a value of the model (MALFORMED if it cannot parse it). */
export function view(value: Json): unknown {
  if (value instanceof Raw) return value.parsed;
  if (value instanceof Bytes)
    return Buffer.concat(value.parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))).toString('utf8');
  if (value instanceof Dup) {
    const object: Record<string, unknown> = {};
    for (const [key, item] of value.entries) if (item !== undefined) setKey(object, key, view(item));
    return hasMalformed(Object.values(object)) ? MALFORMED : object;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => (item === undefined ? null : view(item)));
    return hasMalformed(items) ? MALFORMED : items;
  }
  if (value !== null && typeof value === 'object') {
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) setKey(object, key, view(item));
    }
    return hasMalformed(Object.values(object)) ? MALFORMED : object;
  }
  return value;
}

const hasMalformed = (items: unknown[]) => items.some((item) => item === MALFORMED);

/** Sets an own, enumerable property, even one named `__proto__` (as JSON.parse does). */
export function setKey(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Raw) &&
    !(value instanceof Dup) &&
    !(value instanceof Bytes)
  );
}

/** A copy of a plain body (own keys, `__proto__` included), deep enough for the model's values. */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isPlainObject(value)) {
    const copy = {};
    for (const key of Object.keys(value)) setKey(copy, key, clone(value[key]));
    return copy as T;
  }
  return value;
}

// ---------------------------------------------------------------- odd values

/**
 * Zero-width and bidi marks, BOM, CR/LF and control characters, emoji and ZWJ sequences, lone surrogates, non-
 * characters.
 */
export const ODD_UNITS = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2069',
  '\u061c',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u0001',
  '\u0007',
  '\b',
  '\u000b',
  '\f',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u00a0',
  '\u3000',
  '😀',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '\u0301',
  'e\u0301',
  '\ud83d',
  '\ude00',
  '\ud800',
  '\udfff',
  '\uffff',
  '\ufffe',
  '\ufffd',
  '\u{10ffff}',
  'İ',
  'ß',
  'ﷺ',
  '𒐫',
  '\\',
  '"',
  "'",
  '<script>',
  '${x}',
  '%s',
  '%00',
  '../',
  'DROP TABLE cases;--',
  '\\u0000',
] as const;

const oddUnit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_UNITS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

/** A string of odd characters, never with NUL (that is its own kind of bad input). */
export const oddString = (maxLength = 40) =>
  // eslint-disable-next-line no-control-regex -- NUL is exactly what this removes
  fc.string({ unit: oddUnit, maxLength }).map((s) => s.replace(/\u0000/g, ''));

/** A string with at least one NUL character (PostgreSQL text cannot hold it: the API refuses it, README). */
export const nulString = fc
  .tuple(oddString(30), fc.nat(), fc.constantFrom('\u0000', '\u0000\u0000', 'a\u0000b'))
  .map(([s, at, nul]) => {
    const i = s.length ? at % (s.length + 1) : 0;
    return s.slice(0, i) + nul + s.slice(i);
  });

/** 10,001 to ~200,000 characters: over every length limit, and over the 100 kB body limit at the top. */
export const hugeString = fc
  .record({
    n: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 10_001, max: 30_000 }) },
      { weight: 2, arbitrary: fc.integer({ min: 30_000, max: 200_000 }) },
    ),
    unit: fc.constantFrom('x', 'é', '😀', '\u200b', '\r\n', '"', '\\', 'a\u202e'),
  })
  .map(({ n, unit }) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

export const NAN_LIKE = [
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '1e309',
  '-0',
  '0x10',
  '1_000',
  ' 15 ',
  '15.0',
  '1e2',
  'null',
  'undefined',
  'true',
  'false',
  '[]',
  '{}',
  '',
] as const;

/** Number tokens that JSON.stringify cannot write, and some that are not JSON at all. */
export const RAW_NUMBERS = [
  '-0',
  '-0.0',
  '1e308',
  '-1e308',
  '1e309',
  '-1e309',
  '1e-400',
  '0.1e1',
  '1E2',
  '15.0',
  '15.5',
  '120.0000000000001',
  '-1',
  '121',
  '9007199254740993',
  '123456789012345678901234567890',
  '1' + '0'.repeat(400),
  '0x10',
  '+1',
  '.5',
  '01',
  'NaN',
  'Infinity',
  '-',
  '1e',
  '--1',
] as const;

/** Nesting `depth` levels deep: hundreds, thousands, tens of thousands. */
export const deepNesting = fc
  .record({
    depth: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 50, max: 800 }) },
      { weight: 4, arbitrary: fc.integer({ min: 800, max: 4000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 4000, max: 25_000 }) },
    ),
    shape: fc.constantFrom('array', 'object', 'mixed'),
  })
  .map(({ depth, shape }) => {
    const text =
      shape === 'array'
        ? '['.repeat(depth) + ']'.repeat(depth)
        : shape === 'object'
          ? '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth)
          : '[{"a":'.repeat(depth) + '1' + '}]'.repeat(depth);
    return { value: new Raw(text, [text]) as Json, label: `deep ${shape} nesting, depth ${depth}` };
  });
// (`parsed` of deep nesting is never a valid field value: the oracle only needs "some array".)

/** Names for fields that no body of this API has: typos, prototype names, odd characters. */
export const unknownKey = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'isPrototypeOf',
      '__defineGetter__',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'id',
      'caseId',
      'status',
      'createdAt',
      'submittedBy',
      'role',
      'roles[]',
      '$where',
      'a.b',
      'x',
      'CHANNEL',
      'summary ',
      ' channel',
      'note\u200b',
      'Ω',
    ),
  },
  { weight: 2, arbitrary: oddString(12) },
);

/** An object built key by key, so that keys such as `__proto__` become own properties, as JSON.parse makes them. */
export const objectOf = (entries: [string, unknown][]) => {
  const o = {};
  for (const [key, value] of entries) setKey(o, key, value);
  return o;
};

/** Any JSON-ish value, of every type (numbers JSON cannot write go as raw tokens). */
export const anyValue: fc.Arbitrary<Labelled> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ value: null as Json, label: 'null' }) },
  { weight: 2, arbitrary: fc.boolean().map((b) => ({ value: b as Json, label: String(b) })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.integer(),
        fc.constantFrom(-1, 0, 1, 15, 121, 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER + 2),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      )
      .map((n) => ({ value: n as Json, label: `number ${n}` })),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...RAW_NUMBERS)
      .map((t) => ({ value: Raw.of(t) as Json, label: `raw number ${t.slice(0, 20)}` })),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...NAN_LIKE).map((s) => ({ value: s as Json, label: `string ${JSON.stringify(s)}` })),
  },
  { weight: 3, arbitrary: oddString(60).map((s) => ({ value: s as Json, label: 'odd string' })) },
  { weight: 2, arbitrary: nulString.map((s) => ({ value: s as Json, label: 'string with NUL' })) },
  { weight: 1, arbitrary: hugeString.map((s) => ({ value: s as Json, label: `huge string (${s.length} chars)` })) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(oddString(10), fc.integer(), fc.constant(null)), { maxLength: 5 })
      .map((a) => ({ value: a as Json, label: 'array' })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1_000, max: 10_000 })
      .map((n) => ({ value: new Array(n).fill('x') as Json, label: `array of ${n} items` })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.tuple(unknownKey, fc.oneof(oddString(10), fc.integer())), { maxLength: 4 })
      .map((entries) => ({
        value: objectOf(entries) as Json,
        label: entries.length
          ? `object with unknown key ${entries.map(([k]) => JSON.stringify(k)).join(', ')}`
          : 'empty object',
      })),
  },
  { weight: 1, arbitrary: deepNesting },
);

// ---------------------------------------------------------------- schemas and their oracle

export type Field =
  | { t: 'text'; min: number; max: number; loneSurrogatesOk?: boolean }
  | { t: 'format'; ok: (s: string) => boolean; nearMisses: readonly string[] }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'bool' }
  | { t: 'int'; min: number; max: number }
  | { t: 'enumArray'; values: readonly string[]; min: number; max: number }
  | { t: 'object'; schema: Schema; nonEmpty?: boolean };

export interface Slot {
  f: Field;
  optional?: boolean;
}
export type Schema = Record<string, Slot>;

/**
 * Free text. A lone surrogate (half a UTF-16 pair, `"\ud800"` in JSON) is refused like NUL where the text is
 * stored: PostgreSQL cannot hold it either (text columns turn it into U+FFFD, jsonb refuses it). Where the
 * text is never stored (a login, a token's subject) it may be accepted: `loneSurrogatesOk`.
 */
export const text = (
  min: number,
  max: number,
  optional = false,
  options: { loneSurrogatesOk?: boolean } = {},
): Slot => ({ f: { t: 'text', min, max, ...options }, optional });
export const format = (ok: (s: string) => boolean, nearMisses: readonly string[], optional = false): Slot => ({
  f: { t: 'format', ok, nearMisses },
  optional,
});
export const oneOf = (values: readonly string[], optional = false): Slot => ({ f: { t: 'enum', values }, optional });
export const bool = (optional = false): Slot => ({ f: { t: 'bool' }, optional });
export const int = (min: number, max: number, optional = false): Slot => ({ f: { t: 'int', min, max }, optional });
export const listOf = (values: readonly string[], max: number, optional = false, min = 0): Slot => ({
  f: { t: 'enumArray', values, min, max },
  optional,
});
export const object = (schema: Schema, optional = false, nonEmpty = false): Slot => ({
  f: { t: 'object', schema, nonEmpty },
  optional,
});

const hasNul = (s: string) => s.includes('\u0000');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const hasLoneSurrogate = (s: string) => LONE_SURROGATE.test(s);

/** The DTO's rules for one field (class-validator semantics: IsOptional lets undefined and null through). */
export function validSlot(slot: Slot, value: unknown): boolean {
  if (value === MALFORMED) return false;
  if (value === undefined || value === null) return !!slot.optional;
  return validField(slot.f, value);
}

export function validField(f: Field, value: unknown): boolean {
  switch (f.t) {
    case 'text':
      return (
        typeof value === 'string' &&
        !hasNul(value) &&
        (!!f.loneSurrogatesOk || !hasLoneSurrogate(value)) &&
        length(value, f.min, f.max)
      );
    case 'format':
      return typeof value === 'string' && !hasNul(value) && !hasLoneSurrogate(value) && f.ok(value);
    case 'enum':
      return typeof value === 'string' && f.values.includes(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= f.min && value <= f.max;
    case 'enumArray':
      return (
        Array.isArray(value) &&
        value.length >= f.min &&
        value.length <= f.max &&
        value.every((v) => typeof v === 'string' && f.values.includes(v))
      );
    case 'object':
      return isPlainObject(value) && validObject(f.schema, value) && (!f.nonEmpty || Object.keys(value).length > 0);
  }
}

/** No unknown key, every required field present, every field valid. */
export function validObject(schema: Schema, value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  if (Object.keys(value).some((key) => !Object.prototype.hasOwnProperty.call(schema, key))) return false;
  return Object.entries(schema).every(([key, slot]) =>
    validSlot(slot, Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined),
  );
}

// ---------------------------------------------------------------- formats shared with the DTOs

const PHONE = /^\+?[0-9 ()-]{3,32}$/;
export const phone = (s: string) => PHONE.test(s);
/** (validator's isEmail throws on a lone surrogate — a value the service must refuse, so the oracle says invalid) */
export const email = (s: string) => {
  try {
    return isEmail(s) && s.length <= 254;
  } catch {
    return false;
  }
};
export const ip = (s: string) => isIP(s);
export const dateOfBirth = (s: string) =>
  isISO8601(s, { strict: true, strictSeparator: true }) && /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * Not date-times (or not ones JavaScript can read). Year 0000 is left out: ISO 8601 has it (1 BC), and validators
 * differ.
 */
export const DATE_NEAR_MISSES = [
  '2020-123',
  '2020-W01-1',
  '2020-W01',
  '2020-01-01T10Z',
  '20200101T100000Z',
  '2020-01-01T10',
  '2020-01-01T24:00:00Z',
  '2020-02-30T10:00:00Z',
  '2020-01-01 10:00:00Z',
  '2020-01-01T10:00:00+25:00',
  '2020-01-01T10:00:60Z',
  '+002020-01-01T00:00:00Z',
  '2020-13-01T00:00:00Z',
  'last Tuesday',
  'Tue, 01 Jan 2020 10:00:00 GMT',
  '1577872800000',
  '2020-01-01T10:00:00.1234567891Z',
  '2020-01-01T10:00:00Z\n',
  ' 2020-01-01T10:00:00Z',
  '2020-01-01T10:00:00\u200bZ',
  '２０２０-01-01T10:00:00Z',
] as const;

// ---------------------------------------------------------------- invalid and valid values for a field

const just = (value: Json, label: string): Labelled => ({ value, label });

/** Values the field must refuse: a mix of every kind of wrong, filtered by the oracle, so each is refused for sure. */
export function invalidFor(slot: Slot): fc.Arbitrary<Labelled> {
  const f = slot.f;
  const specific: fc.Arbitrary<Labelled>[] = [];
  switch (f.t) {
    case 'text':
      specific.push(
        fc
          .integer({ min: 1, max: 40 })
          .map((extra) => just('y'.repeat(f.max + extra), `${f.max + extra} characters (max ${f.max})`)),
        nulString.map((s) => just(s, 'text with NUL')),
        hugeString.map((s) => just(s, `huge string (${s.length} chars)`)),
        fc
          .tuple(
            fc.constantFrom('\ud800', '\udfff', '\ud83d', '\ude00', 'a\udc00b'),
            fc.constantFrom('', 'Sam ', 'Talked it through '),
          )
          .map(([half, before]) => just(`${before}${half}`, 'text with a lone surrogate')),
      );
      if (f.min > 0)
        specific.push(
          fc.constantFrom('', '\ufe0f', '\ufe0e\ufe0f').map((s) => just(s, `empty-looking ${JSON.stringify(s)}`)),
        );
      if (f.min > 1) specific.push(fc.string({ maxLength: f.min - 1 }).map((s) => just(s, `too short (${s.length})`)));
      break;
    case 'format':
      specific.push(
        fc.constantFrom(...f.nearMisses).map((s) => just(s, `near miss ${JSON.stringify(s).slice(0, 40)}`)),
        oddString(40).map((s) => just(s, 'odd string')),
      );
      break;
    case 'enum':
      specific.push(
        fc
          .constantFrom(...f.values)
          .chain((v) =>
            fc.constantFrom(
              v.toLowerCase(),
              v.toUpperCase(),
              ` ${v}`,
              `${v} `,
              `${v}\u200b`,
              `\u202e${v}`,
              v.slice(0, -1),
              `${v}\u0000`,
              `${v}\r\n`,
              [v] as Json,
              { [v]: true } as Json,
            ),
          )
          .map((v) => just(v, `enum near miss ${JSON.stringify(v).slice(0, 40)}`)),
        oddString(20).map((s) => just(s, 'odd string')),
      );
      break;
    case 'bool':
      specific.push(
        fc
          .constantFrom<Json>(
            'true',
            'false',
            1,
            0,
            '1',
            '',
            'yes',
            [true],
            { value: true },
            Raw.of('tru'),
            Raw.of('True'),
          )
          .map((v) => just(v, `boolean near miss ${JSON.stringify(v instanceof Raw ? v.text : v)}`)),
      );
      break;
    case 'int':
      specific.push(
        fc
          .constantFrom<Json>(
            f.min - 1,
            f.max + 1,
            1.5,
            f.max + 0.5,
            -1,
            1e308,
            -1e308,
            `${f.min}`,
            '15',
            'NaN',
            'Infinity',
            '-0',
            true,
            [15],
            { age: 15 },
          )
          .map((v) => just(v, `int near miss ${JSON.stringify(v)}`)),
        fc.constantFrom(...RAW_NUMBERS).map((t) => just(Raw.of(t), `raw number ${t.slice(0, 20)}`)),
      );
      break;
    case 'enumArray':
      specific.push(
        fc
          .constantFrom(...f.values)
          .chain((v) =>
            fc.constantFrom<Json>(
              v,
              [`${v}x`],
              [v.toLowerCase()],
              [[v]],
              [null],
              [1],
              [{ code: v }],
              { 0: v },
              ...(f.max < 1000 ? [new Array(f.max + 1).fill(v), new Array(f.max + 50).fill(v)] : []),
            ),
          )
          .map((v) => just(v, `list near miss ${JSON.stringify(v).slice(0, 40)}`)),
        fc.array(oddString(12), { minLength: 1, maxLength: 5 }).map((a) => just(a, 'list of odd strings')),
      );
      if (f.min > 0) specific.push(fc.constant(just([], 'empty list')));
      break;
    case 'object':
      specific.push(
        fc
          .constantFrom<Json>([], [{}], 'object', 1, true, Raw.of('[[[]]]'))
          .map((v) => just(v, `not an object ${JSON.stringify(v instanceof Raw ? v.text : v)}`)),
        fc
          .tuple(
            unknownKey.filter((k) => !Object.prototype.hasOwnProperty.call(f.schema, k)),
            anyValue,
          )
          .map(([key, v]) => just(objectOf([[key, v.value]]), `object with unknown key ${JSON.stringify(key)}`)),
      );
      if (f.nonEmpty) specific.push(fc.constant(just({}, 'empty object')));
      break;
  }
  if (!slot.optional) specific.push(fc.constant(just(null, 'null')));
  return fc
    .oneof({ weight: 3, arbitrary: fc.oneof(...specific) }, { weight: 2, arbitrary: anyValue })
    .filter((candidate) => !validSlot(slot, view(candidate.value)));
}

/** Valid free text full of odd characters (within the length limits; never NUL; lone surrogates only where allowed). */
export function oddValidText(f: { min: number; max: number; loneSurrogatesOk?: boolean }): fc.Arbitrary<string> {
  const room = Math.max(0, Math.min(f.max, 60) - 1);
  return oddString(room)
    .map((s) => `a${s}`.slice(0, Math.min(f.max, 60)))
    .map((s) => (f.loneSurrogatesOk ? s : s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd')))
    .filter((s) => validField({ t: 'text', ...f }, s));
}
