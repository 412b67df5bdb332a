/**
 * The CLI's transport: the same Node transport as the app, with its route from the command line and the
 * environment (--no-proxy, --proxy, HTTPS_PROXY/HTTP_PROXY minus NO_PROXY; loopback direct) and its trust
 * from Node's bundled roots plus NODE_EXTRA_CA_CERTS and --ca-file / CONFBAR_CA_FILE. Proxy credentials come
 * only from the proxy URL and are never printed: every route shows the proxy without them.
 */
import type { LookupFunction } from 'node:net';
import { AppError } from '../../shared/errors';
import type { Transport } from '../core/cloudagent/transport';
import type { Logger } from '../core/log';
import { kerberosProxyLogin } from '../core/net/kerberos-login';
import { createNodeTransport } from '../core/net/node-transport';
import { cliRoutes } from '../core/net/routes';
import { loadTrust } from '../core/net/trust';
import type { OptionValues } from './args';

export function createCliTransport(opts: {
  values: OptionValues;
  env: NodeJS.ProcessEnv;
  log: Logger;
  lookup?: LookupFunction;
}): Transport {
  const { values, env } = opts;
  if (values.proxy !== undefined && values['no-proxy']) {
    throw new AppError('InvalidInput', '--proxy and --no-proxy contradict each other; pass one.');
  }
  if (values['ca-file'] !== undefined && !values['ca-file'].trim()) {
    throw new AppError(
      'InvalidInput',
      '--ca-file needs a file name.',
      'Pass --ca-file <file.pem>; nothing was sent.',
    );
  }
  const { routes, credentials } = cliRoutes({ env, proxy: values.proxy, noProxy: values['no-proxy'] });
  const extraCaFile = values['ca-file']?.trim() || env.CONFBAR_CA_FILE?.trim() || undefined;
  // Read once, on first use: a command that sends nothing does not read the CA file.
  let made: Promise<Transport> | null = null;
  const transport = (): Promise<Transport> =>
    (made ??= loadTrust({ extraCaFile, nodeExtraCaFile: env.NODE_EXTRA_CA_CERTS?.trim() || undefined }).then(
      (trust) =>
        createNodeTransport({
          routes,
          credentials,
          integratedLogin: kerberosProxyLogin(),
          trust,
          log: opts.log,
          lookup: opts.lookup,
        }),
    ));
  return {
    request: async (req) => (await transport()).request(req),
    warm: async (origin, timeoutMs) => {
      try {
        return await (await transport()).warm(origin, timeoutMs);
      } catch {
        return false;
      }
    },
    reset: () =>
      void made?.then(
        (t) => t.reset(),
        () => undefined,
      ),
    dispose: () =>
      void made?.then(
        (t) => t.dispose(),
        () => undefined,
      ),
    describe: async (origin) => (await transport()).describe(origin),
  };
}
