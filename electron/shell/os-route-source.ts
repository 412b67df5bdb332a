import { AppError } from '../../shared/errors';
import { isLoopbackHost } from '../../shared/loopback';
import type { Settings } from '../../shared/settings';
import type { Route, RouteSource } from '../core/cloudagent/transport';
import type { Logger } from '../core/log';
import { parseProxyAnswer } from './proxy-answer';

/**
 * The app's routes. The order (after VS Code's proxy-agent) is:
 * 1. a loopback origin (the demo simulator) always goes direct;
 * 2. a host in Settings → Network → No proxy goes direct;
 * 3. Settings → Network → Proxy `none` goes direct, a proxy URL is used as it is;
 * 4. `system` (the default) asks Chromium (`session.resolveProxy`: the OS settings, PAC, WPAD) and keeps
 *    the answer per origin for `ttlMs`, until `invalidate` (a network error, resume, a network change).
 * Settings are read at each call (a late-bound getter), so a change applies to the next request. When the
 * OS cannot be asked, the origin's last answer is used if there is one (never another origin's), else an
 * AppError in words.
 */
export interface OsRouteSourceOptions {
  network: () => Settings['network'];
  /** Chromium's PAC-style answer for a URL (main passes session.defaultSession.resolveProxy). */
  resolveProxy: (url: string) => Promise<string>;
  /** Whether a URL's host matches a NO_PROXY-style list (the transport's matcher, shared with the CLI). */
  bypass: (url: URL, noProxy: string) => boolean;
  now?: () => number;
  /** How long an OS answer is kept without an invalidation; PAC files change rarely. Default 5 minutes. */
  ttlMs?: number;
  log?: Logger;
}

export const OS_ROUTE_TTL_MS = 5 * 60_000;

interface Cached {
  routes: Route[];
  at: number;
}

export function createOsRouteSource(opts: OsRouteSourceOptions): RouteSource {
  const now = opts.now ?? Date.now;
  const ttl = opts.ttlMs ?? OS_ROUTE_TTL_MS;
  const cache = new Map<string, Cached>();
  // The last answer per origin survives invalidation, as the fallback when the OS cannot be asked.
  const last = new Map<string, Route[]>();
  const asking = new Map<string, Promise<Route[]>>();
  let generation = 0;

  const askOs = async (origin: string): Promise<Route[]> => {
    const started = generation;
    let answer: string;
    try {
      answer = await opts.resolveProxy(`${origin}/`);
    } catch (e) {
      const previous = last.get(origin);
      opts.log?.warn('resolveProxy failed', { origin, error: String(e), fallback: Boolean(previous) });
      if (previous) return previous;
      throw new AppError(
        'Network',
        `ConfBar could not ask the system for its proxy settings for ${new URL(origin).host}.`,
        'Check the network connection; if it persists, set Settings → Network → Proxy.',
      );
    }
    const routes = parseProxyAnswer(answer, 'os');
    // An invalidation while the OS was asked makes this answer stale: use it once, do not keep it.
    if (started === generation) cache.set(origin, { routes, at: now() });
    last.set(origin, routes);
    return routes;
  };

  return {
    async routesFor(origin) {
      const url = new URL(origin);
      if (isLoopbackHost(url.hostname)) return [{ kind: 'direct', from: 'loopback' }];
      const network = opts.network();
      if (network.noProxy.trim() !== '' && opts.bypass(url, network.noProxy)) {
        return [{ kind: 'direct', from: 'setting' }];
      }
      const proxy = network.proxy.trim();
      if (proxy === 'none') return [{ kind: 'direct', from: 'setting' }];
      if (proxy !== 'system')
        return [{ kind: 'proxy', proxy: new URL(new URL(proxy).origin), from: 'setting' }];

      const hit = cache.get(url.origin);
      if (hit && now() - hit.at < ttl) return hit.routes;
      let pending = asking.get(url.origin);
      if (!pending) {
        pending = askOs(url.origin).finally(() => asking.delete(url.origin));
        asking.set(url.origin, pending);
      }
      return pending;
    },
    invalidate(origin) {
      generation += 1;
      if (origin === undefined) cache.clear();
      else cache.delete(new URL(origin).origin);
    },
  };
}
