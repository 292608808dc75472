import * as ipaddr from 'ipaddr.js';

/**
 * The group of addresses one client is assumed to control: an IPv4 address alone, or the /64 an IPv6 address is in
 * (a single home or phone is routinely given a whole /64, so counting single IPv6 addresses would count nothing).
 * IPv4-mapped IPv6 addresses count as the IPv4 address they carry.
 */
export function addressGroup(ip: string | undefined): string {
  if (!ip || !ipaddr.isValid(ip)) return 'unknown';
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const prefix = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(':')}::/64`;
}
