import type { HttpRequest, Transport } from '../core/cloudagent/transport';

/**
 * The app's transport as the services see it: one object for the life of the process, over an inner Node
 * transport built from the settings in force. Trust is loaded once per inner transport (one TLS context
 * per pool), so only a change of what is trusted (Settings → Network → Extra CA file) builds a new one;
 * the proxy settings are read per request by the route source and need no rebuild.
 *
 * The inner transport is built on first use, not at start-up: main reads the settings after the services
 * exist. A replaced transport keeps serving the requests it already has and is disposed a little later.
 */
export interface SettingsTransportOptions<S> {
  settings: () => S;
  /** What, in the settings, the inner transport is built from (e.g. the extra CA file's path). */
  key: (settings: S) => string;
  /** May be async: trust is read from files once per inner transport. */
  build: (settings: S) => Transport | Promise<Transport>;
  /** How long a replaced transport may finish its requests before it is disposed. Default 30 s. */
  retireAfterMs?: number;
  setTimeout?: (fn: () => void, ms: number) => { unref?: () => void };
}

export function createSettingsTransport<S>(opts: SettingsTransportOptions<S>): Transport {
  let current: { key: string; transport: Promise<Transport> } | null = null;
  const retired = new Set<Promise<Transport>>();
  const later = opts.setTimeout ?? setTimeout;
  const each = (fn: (t: Transport) => void) => {
    for (const p of [current?.transport, ...retired]) void p?.then(fn, () => undefined);
  };

  const active = (): Promise<Transport> => {
    const settings = opts.settings();
    const key = opts.key(settings);
    if (current?.key === key) return current.transport;
    const old = current?.transport;
    const transport = Promise.resolve().then(() => opts.build(settings));
    // A build that failed is tried again on the next request rather than kept.
    transport.catch(() => {
      if (current?.transport === transport) current = null;
    });
    current = { key, transport };
    if (old) {
      retired.add(old);
      later(() => {
        retired.delete(old);
        void old.then(
          (t) => t.dispose(),
          () => undefined,
        );
      }, opts.retireAfterMs ?? 30_000).unref?.();
    }
    return transport;
  };

  return {
    request: async (req: HttpRequest) => (await active()).request(req),
    warm: async (origin, timeoutMs) => {
      try {
        return await (await active()).warm(origin, timeoutMs);
      } catch {
        return false;
      }
    },
    describe: async (origin) => (await active()).describe(origin),
    reset: () => each((t) => t.reset()),
    dispose() {
      each((t) => t.dispose());
      retired.clear();
      current = null;
    },
  };
}
