/**
 * The one Node implementation of the transport port (electron/core/cloudagent/transport.ts), used by the
 * app's main process, the CLI, the benchmark and the tests, each with its own routes and trust.
 */
import { AppError } from '../../../shared/errors';
import type { NodeTransportOptions, Transport } from '../cloudagent/transport';

export function createNodeTransport(_opts: NodeTransportOptions): Transport {
  throw new AppError('Internal', 'createNodeTransport: not implemented yet');
}
