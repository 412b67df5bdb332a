import { BlockList, isIP } from 'node:net';

/**
 * The hosts that may be reached without TLS: literal loopback addresses (127.0.0.0/8, ::1, and 127/8
 * mapped into IPv6) and the name `localhost` itself. Names under `.localhost` are refused: whether they
 * resolve to loopback is up to the resolver, and a plain-http request carries the api_key.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');
