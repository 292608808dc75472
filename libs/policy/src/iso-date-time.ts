// Strict ISO-8601 date-time parsing. Date.parse alone is too lenient (it accepts "March 3" and
// rolls 2024-02-30 over into March) and reads a time without a zone as local time, which would
// make the chosen policy version depend on the machine's time zone.

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** Epoch milliseconds of an ISO-8601 date-time with a time zone, or undefined if it is not one. */
export function parseIsoDateTime(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // Sub-millisecond digits are truncated: policy dates are compared to the millisecond.
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // setUTCFullYear rather than Date.UTC, which would read years 0-99 as 1900-1999.
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, millis);
  // A day that does not exist (2023-02-29) rolls over into the next month: refuse it.
  if (local.getUTCDate() !== day || local.getUTCMonth() !== month - 1) return undefined;
  return local.getTime() - offsetMinutes * 60_000;
}

export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && parseIsoDateTime(value) !== undefined;
}
