import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) canonical JSON: the byte-exact form every hash in the case log is computed over. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}

/**
 * What a value looks like after a JSON round trip (undefined members dropped, Dates as strings).
 * Entries are hashed in this form so the stored JSON recomputes to the same hash.
 */
export function toJsonValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
