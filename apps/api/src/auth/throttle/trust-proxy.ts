import * as ipaddr from 'ipaddr.js';

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Express's `trust proxy` from TRUST_PROXY: unset means no proxy (the socket's address is the client's); a hop
 * count; or the proxies' addresses, CIDRs and named ranges, comma-separated. `true` (trust any X-Forwarded-For)
 * is refused: any client could then choose the address its login attempts are counted against.
 */
export function trustProxySetting(value: string | undefined): false | number | string[] {
  const given = value?.trim();
  if (!given || given === 'false') return false;
  if (/^\d+$/.test(given)) return Number(given);
  if (given === 'true')
    throw new Error('TRUST_PROXY=true would trust any X-Forwarded-For: name the proxies or give a hop count');
  const entries = given.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((e) => !NAMED_RANGES.includes(e) && !ipaddr.isValid(e) && !ipaddr.isValidCIDR(e));
  if (wrong.length)
    throw new Error(
      `TRUST_PROXY: not an address, CIDR or ${NAMED_RANGES.join('/')}: ${wrong.map((w) => JSON.stringify(w)).join(', ')}`,
    );
  return entries;
}
