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
  build: (settings: S) => Transport;
  /** How long a replaced transport may finish its requests before it is disposed. Default 30 s. */
  retireAfterMs?: number;
  setTimeout?: (fn: () => void, ms: number) => { unref?: () => void };
}

export function createSettingsTransport<S>(opts: SettingsTransportOptions<S>): Transport {
  let current: { key: string; transport: Transport } | null = null;
  const retired = new Set<Transport>();
  const later = opts.setTimeout ?? setTimeout;

  const active = (): Transport => {
    const settings = opts.settings();
    const key = opts.key(settings);
    if (current?.key === key) return current.transport;
    const old = current?.transport;
    current = { key, transport: opts.build(settings) };
    if (old) {
      retired.add(old);
      later(() => {
        retired.delete(old);
        old.dispose();
      }, opts.retireAfterMs ?? 30_000).unref?.();
    }
    return current.transport;
  };

  return {
    request: (req: HttpRequest) => active().request(req),
    warm: (origin, timeoutMs) => active().warm(origin, timeoutMs),
    describe: (origin) => active().describe(origin),
    reset() {
      current?.transport.reset();
      for (const t of retired) t.reset();
    },
    dispose() {
      current?.transport.dispose();
      for (const t of retired) t.dispose();
      retired.clear();
      current = null;
    },
  };
}
