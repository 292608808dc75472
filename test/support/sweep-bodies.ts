import { brotliCompressSync, constants as zlib, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import {
  anyValue,
  Bytes,
  clone,
  deepNesting,
  Dup,
  encode,
  hasLoneSurrogate,
  hugeString,
  invalidFor,
  isPlainObject,
  Json,
  Labelled,
  objectOf,
  oddValidText,
  Raw,
  Schema,
  setKey,
  Slot,
  unknownKey,
  validObject,
  validSlot,
  view,
} from './sweep-values';

/**
 * Request bodies for the bad-input sweep, generated imperatively with `fc.gen()`: a valid body (its free text
 * full of odd characters), a few loose mutations, then one *breaker* that makes it invalid for sure (a field
 * of the wrong type or out of range, a missing or unknown field, a duplicate key, malformed or non-JSON text,
 * a wrong content type, charset or encoding, a huge string, deep nesting…), then a transport variant that
 * keeps its meaning (content-type spelling, real compression, whitespace).
 */

export interface BodySpec {
  schema: Schema;
  /** a fresh valid body: every nested object present, so that the deep fields get broken too */
  valid: (g: fc.GeneratorValue) => Record<string, unknown>;
  /**
   * the endpoint also accepts some of what is sent (the sweep then sends valid bodies too); else every body is invalid
   */
  mayBeValid?: boolean;
  /** with mayBeValid: one body in this many is left unbroken (default 4) */
  validOneIn?: number;
  /** the whole-body oracle; by default the schema's */
  isValid?: (parsed: unknown) => boolean;
  /** paths that keep their valid value (a unique username, say); the rest of the free text gets odd characters */
  keep?: string[][];
  /**
   * Text that is never stored (a login, a token's subject) may hold a lone surrogate, and the service may take it
   * or refuse it: such a body is sent as "either" (any 4xx or the success status, never 5xx).
   */
  loneSurrogatesEither?: boolean;
}

export interface BodyProbe {
  label: string;
  body: Buffer;
  headers: Record<string, string>;
  /** true: refused for sure; false: valid for sure; undefined: either */
  invalid: boolean | undefined;
}

type Path = string[];
interface SlotAt {
  path: Path;
  slot: Slot;
}

function slotsOf(schema: Schema, prefix: Path = []): SlotAt[] {
  return Object.entries(schema).flatMap(([key, slot]) => [
    { path: [...prefix, key], slot },
    ...(slot.f.t === 'object' ? slotsOf(slot.f.schema, [...prefix, key]) : []),
  ]);
}

function get(body: Json, path: Path): unknown {
  let at: unknown = body;
  for (const key of path) {
    if (!isPlainObject(at) || !Object.prototype.hasOwnProperty.call(at, key)) return undefined;
    at = at[key];
  }
  return at;
}

const parentIsObject = (body: Json, path: Path) =>
  path.length === 1 ? isPlainObject(body) : isPlainObject(get(body, path.slice(0, -1)));

function put(body: Json, path: Path, value: Json): void {
  const parent = path.length === 1 ? body : get(body, path.slice(0, -1));
  if (isPlainObject(parent)) setKey(parent, path[path.length - 1], value);
}

function remove(body: Json, path: Path): void {
  const parent = path.length === 1 ? body : get(body, path.slice(0, -1));
  if (isPlainObject(parent)) delete parent[path[path.length - 1]];
}

const schemaAt = (schema: Schema, path: Path): Schema =>
  path.reduce((s, key) => (s[key].f as { schema: Schema }).schema, schema);
const show = (path: Path) => path.join('.') || '(body)';

/** Content types that express.json() does not read: the body arrives empty, and every DTO has a required field. */
const NOT_JSON_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=sweep',
  'application/xml',
  'application/octet-stream',
  'application/vnd.api+json',
  'text/json',
  'application/json-patch+json',
  'json',
  'application/*',
  '*/*',
  'application/jsonp',
  'application/json5',
] as const;
/**
 * Charsets express.json() refuses (415) or that turn UTF-8 into something that is not JSON (400). (Not utf-7: ASCII
 * JSON reads the same in it.)
 */
const WRONG_CHARSETS = [
  'latin1',
  'iso-8859-1',
  'us-ascii',
  'utf8',
  'utf-16',
  'utf-16le',
  'utf-16be',
  'utf-32',
  'ucs-2',
  'windows-1252',
  'koi8-r',
  'binary',
  'nonsense',
] as const;
const BAD_ENCODINGS = [
  'gzip',
  'deflate',
  'br',
  'GZIP',
  'x-gzip',
  'compress',
  'zstd',
  'gzip, deflate',
  'identity, gzip',
  '*',
  'chunked',
  'sweep',
] as const;
/** Spellings of JSON that express.json() does read. */
const JSON_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/json;charset=UTF-8',
  'application/json; charset="utf-8"',
] as const;
const INVALID_UTF8 = [
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xff],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
  [0x80],
] as const;

const BREAKERS = [
  'field',
  'field',
  'field',
  'field',
  'missing',
  'unknownKey',
  'unknownKey',
  'notObject',
  'malformed',
  'duplicateKey',
  'contentType',
  'charset',
  'encoding',
  'huge',
  'deep',
  'junk',
  'manyKeys',
] as const;

/** One generated body (see the module comment). */
export function bodyProbe(g: fc.GeneratorValue, spec: BodySpec): BodyProbe {
  const labels: string[] = []; // what breaks the body (first), then what else is odd about it
  const loose: string[] = [];
  const slots = slotsOf(spec.schema);
  const isValid = spec.isValid ?? ((parsed: unknown) => validObject(spec.schema, parsed));
  const keep = new Set((spec.keep ?? []).map(show));
  let body: Json = clone(spec.valid(g));

  // 1. valid free text full of odd characters (zero-width, RTL, emoji, CRLF, control characters, lone surrogates)
  for (const { path, slot } of slots) {
    const f = slot.f;
    if (
      f.t !== 'text' ||
      keep.has(show(path)) ||
      get(body, path) === undefined ||
      g(fc.integer, { min: 0, max: 2 }) !== 0
    )
      continue;
    put(
      body,
      path,
      g(() => oddValidText(f)),
    );
  }
  if (!isValid(view(body)))
    throw new Error(`The sweep's valid body is not valid: ${encode(body).toString().slice(0, 300)}`);

  // 2. loose mutations: anything at all in a field, a field left out, invalid UTF-8 inside a string
  const looseCount = g(fc.integer, { min: 0, max: spec.mayBeValid ? 2 : 1 });
  for (let i = 0; i < looseCount; i++) {
    const target = g(() => fc.constantFrom(...slots.filter((s) => parentIsObject(body, s.path))));
    const how = g(fc.constantFrom, 'any', 'leave out', 'bytes');
    if (how === 'any') {
      const value = g(() => anyValue);
      put(body, target.path, value.value);
      loose.push(`${show(target.path)} = ${value.label}`);
    } else if (how === 'leave out') {
      remove(body, target.path);
      loose.push(`${show(target.path)} left out`);
    } else {
      const bytes = Buffer.from(g(fc.constantFrom, ...INVALID_UTF8) as readonly number[]);
      put(body, target.path, new Bytes(['a', bytes, 'b']));
      loose.push(`${show(target.path)} = invalid UTF-8 ${bytes.toString('hex')}`);
    }
  }

  // 3. the breaker
  let invalid: boolean | undefined;
  const headers: Record<string, string> = {};
  let raw: Buffer | undefined;
  const breaker =
    spec.mayBeValid && g(fc.integer, { min: 1, max: spec.validOneIn ?? 4 }) === 1
      ? 'none'
      : g(fc.constantFrom, ...BREAKERS);
  const present = (filter: (s: SlotAt) => boolean) => slots.filter((s) => parentIsObject(body, s.path) && filter(s));
  const objects = () => [
    [] as Path,
    ...present((s) => s.slot.f.t === 'object' && isPlainObject(get(body, s.path))).map((s) => s.path),
  ];

  const addUnknownKey = () => {
    const at = g(() => fc.constantFrom(...objects()));
    const schema = at.length ? schemaAt(spec.schema, at) : spec.schema;
    const key = g(() => unknownKey.filter((k) => !Object.prototype.hasOwnProperty.call(schema, k)));
    const value = g(() => anyValue);
    const target = at.length ? get(body, at) : body;
    setKey(target as object, key, value.value);
    labels.push(`unknown field ${JSON.stringify(key)} in ${show(at)} = ${value.label}`);
  };

  switch (breaker) {
    case 'none':
      break;
    case 'field': {
      const target = g(() => fc.constantFrom(...present(() => true)));
      const value: Labelled = g(() => invalidFor(target.slot));
      put(body, target.path, value.value);
      labels.push(`${show(target.path)} = ${value.label}`);
      break;
    }
    case 'huge': {
      const texts = present((s) => s.slot.f.t === 'text' || s.slot.f.t === 'format' || s.slot.f.t === 'enum');
      if (!texts.length) {
        addUnknownKey();
        break;
      }
      const target = g(() => fc.constantFrom(...texts));
      // (an emoji counts as one character: 10,001 UTF-16 units of them can still fit a 10,000-character limit)
      const value = g(() => hugeString.filter((s) => !validSlot(target.slot, s)));
      put(body, target.path, value);
      labels.push(`${show(target.path)} = huge string (${value.length} chars)`);
      break;
    }
    case 'deep': {
      const nesting = g(() => deepNesting);
      if (g(fc.boolean)) {
        body = nesting.value;
        labels.push(`body = ${nesting.label}`);
      } else {
        const target = g(() => fc.constantFrom(...present(() => true)));
        put(body, target.path, nesting.value);
        labels.push(`${show(target.path)} = ${nesting.label}`);
      }
      break;
    }
    case 'missing': {
      const required = present((s) => !s.slot.optional && get(body, s.path) !== undefined);
      if (!required.length) {
        addUnknownKey();
        break;
      }
      const target = g(() => fc.constantFrom(...required));
      remove(body, target.path);
      labels.push(`${show(target.path)} missing`);
      break;
    }
    case 'unknownKey':
      addUnknownKey();
      break;
    case 'manyKeys': {
      const n = g(fc.integer, { min: 100, max: 1000 });
      for (let i = 0; i < n; i++) setKey(body as object, `k${i}`, i);
      labels.push(`${n} unknown fields`);
      break;
    }
    case 'notObject': {
      const kind = g(
        fc.constantFrom,
        'array of the body',
        'empty array',
        'array of bodies',
        'string',
        'number',
        'null',
        'true',
        'empty string',
      );
      const values: Record<string, Json> = {
        'array of the body': [body],
        'empty array': [],
        'array of bodies': [body, body, body],
        string: encode(body).toString(),
        number: 42,
        null: Raw.of('null'),
        true: Raw.of('true'),
        'empty string': '',
      };
      body = values[kind];
      labels.push(`body is ${kind}`);
      break;
    }
    case 'duplicateKey': {
      const target = g(() => fc.constantFrom(...present(() => true)));
      const value: Labelled = g(() => invalidFor(target.slot));
      const parentPath = target.path.slice(0, -1);
      const parent = parentPath.length ? get(body, parentPath) : body;
      const entries = Object.keys(parent as object).map((k): [string, unknown] => [
        k,
        (parent as Record<string, unknown>)[k],
      ]);
      const key = target.path[target.path.length - 1];
      const dup = new Dup([...entries, [key, value.value]]);
      if (parentPath.length) put(body, parentPath, dup);
      else body = dup;
      labels.push(`duplicate key ${show(target.path)}, last = ${value.label}`);
      break;
    }
    case 'malformed': {
      const text = encode(body).toString('utf8');
      const how = g(
        fc.constantFrom,
        'truncated',
        'trailing comma',
        'single quotes',
        'unquoted key',
        'NaN',
        'comment',
        'extra brace',
        'junk inserted',
        'empty',
        'colon as =',
      );
      const at = g(fc.nat, text.length ? text.length - 1 : 0);
      const broken: Record<string, () => string> = {
        truncated: () => text.slice(0, at),
        'trailing comma': () => text.replace(/}$/, ',}'),
        'single quotes': () => text.replace(/"/g, "'"),
        'unquoted key': () => text.replace(/"([^"]*)":/, '$1:'),
        NaN: () => text.replace(/:("[^"]*"|[^,{}[\]]+)/, ':NaN'),
        comment: () => text.replace('{', '{/* sweep */'),
        'extra brace': () => `${text}}`,
        'junk inserted': () =>
          text.slice(0, at) +
          g(fc.constantFrom, '{', '}', ',', ':', '"', '\\', ']', 'undefined', '\u0000', '\n}') +
          text.slice(at),
        empty: () => '',
        'colon as =': () => text.replace(':', '='),
      };
      let result = broken[how]();
      if (parses(result)) result = `${result}}`; // the change landed inside a string: break it for sure
      raw = Buffer.from(result, 'utf8');
      labels.push(`malformed JSON (${how})`);
      break;
    }
    case 'contentType': {
      const type = g(fc.constantFrom, ...NOT_JSON_TYPES, 'none');
      if (type !== 'none') headers['content-type'] = type;
      else headers['content-type'] = '';
      labels.push(`content-type ${type}`);
      break;
    }
    case 'charset': {
      const charset = g(fc.constantFrom, ...WRONG_CHARSETS);
      headers['content-type'] = `application/json; charset=${charset}`;
      labels.push(`charset ${charset}`);
      break;
    }
    case 'encoding': {
      const encoding = g(fc.constantFrom, ...BAD_ENCODINGS);
      headers['content-encoding'] = encoding;
      labels.push(`content-encoding ${encoding} on a plain body`);
      break;
    }
    case 'junk': {
      const junk = g(() => fc.jsonValue({ maxDepth: 4 }));
      body = isPlainObject(junk) ? objectOf([...Object.entries(junk), ['sweep-junk', 1]]) : (junk as Json);
      labels.push(`random JSON ${Array.isArray(junk) ? 'array' : typeof junk}`);
      break;
    }
  }
  if (breaker !== 'none') invalid = true;
  else if (!isValid(view(body))) invalid = true;
  else invalid = spec.loneSurrogatesEither && holdsLoneSurrogate(view(body)) ? undefined : false;

  // 4. transport: how JSON is labelled and compressed (the meaning stays the same)
  let bytes = raw ?? encode(body);
  if (!('content-type' in headers)) headers['content-type'] = g(fc.constantFrom, ...JSON_TYPES);
  if (!('content-encoding' in headers) && g(fc.integer, { min: 0, max: 9 }) === 0) {
    const encoding = g(fc.constantFrom, 'gzip', 'deflate', 'br');
    bytes =
      encoding === 'gzip'
        ? gzipSync(bytes)
        : encoding === 'deflate'
          ? deflateSync(bytes)
          : brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } });
    headers['content-encoding'] = encoding;
    labels.push(`sent ${encoding}-compressed`);
  } else if (g(fc.integer, { min: 0, max: 19 }) === 0) {
    // Whitespace around JSON, or a UTF-8 byte order mark (RFC 8259 lets a parser ignore it), change nothing.
    bytes = g(fc.boolean)
      ? Buffer.concat([Buffer.from(' \r\n\t'), bytes, Buffer.from('\r\n ')])
      : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    labels.push('whitespace or BOM around the JSON');
  }
  if (headers['content-type'] === '') delete headers['content-type'];
  const label = [labels[0] ?? (invalid ? 'invalid' : 'valid'), ...loose, ...labels.slice(1)].join(' + ');
  return { label, body: bytes, headers, invalid };
}

function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsLoneSurrogate);
  return false;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
