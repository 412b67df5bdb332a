import type { LookupFunction } from 'node:net';
import type { RouteSource, Transport } from '../../electron/core/cloudagent/transport';
import { createNodeTransport } from '../../electron/core/net/node-transport';
import { directRoutes } from '../../electron/core/net/routes';
import { trustOnly } from '../../electron/core/net/trust';
import type { BenchCerts } from './certs';

/**
 * A fresh transport (a fresh connection pool) that trusts only the CA made for this run: what an app
 * composes at start-up, with the bench's own trust instead of the OS's.
 */
export function benchTransport(
  certs: BenchCerts,
  opts: { routes?: RouteSource; lookup?: LookupFunction; safeIdleMs?: number } = {},
): Transport {
  return createNodeTransport({
    routes: opts.routes ?? directRoutes(),
    trust: trustOnly([certs.caCert], 'bench CA'),
    lookup: opts.lookup,
    safeIdleMs: opts.safeIdleMs,
  });
}
