import type { LookupFunction } from 'node:net';

/**
 * Resolves the given test host names to loopback in-process, so no DNS query leaves the machine; any
 * other name fails as DNS would (ENOTFOUND).
 */
export function loopbackLookup(names: string[]): LookupFunction {
  const known = new Set(names.map((n) => n.toLowerCase()));
  return ((hostname: string, options: unknown, callback: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
    const name = hostname.toLowerCase();
    if (!known.has(name) && name !== '127.0.0.1' && name !== 'localhost') {
      const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      process.nextTick(() => cb(err));
      return;
    }
    if (all) process.nextTick(() => cb(null, [{ address: '127.0.0.1', family: 4 }]));
    else process.nextTick(() => cb(null, '127.0.0.1', 4));
  }) as LookupFunction;
}
