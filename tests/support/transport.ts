import type { Transport } from '../../electron/core/cloudagent/transport';
import { createNodeTransport } from '../../electron/core/net/node-transport';
import { directRoutes } from '../../electron/core/net/routes';
import { trustOnly } from '../../electron/core/net/trust';

/** A transport for tests against the loopback simulator: direct, trusting nothing extra. */
export function directTransport(): Transport {
  return createNodeTransport({ routes: directRoutes(), trust: trustOnly([]) });
}
