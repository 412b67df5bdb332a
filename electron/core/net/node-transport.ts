/**
 * The one Node implementation of the transport port (electron/core/cloudagent/transport.ts), used by the
 * app's main process, the CLI, the benchmark and the tests, each with its own routes and trust.
 *
 * The replay rule, the only place a request is ever sent again:
 * - Nothing left the machine (connect, TLS or proxy CONNECT failed): try the next route ("PROXY a; DIRECT").
 * - A `replay: 'once'` request (toggles, the token) whose REUSED connection broke before any byte of an
 *   answer: sent once more on a fresh connection (the server had closed the idle socket).
 * - Anything else, and every `replay: 'never'` request (dials) once a byte may have left: reported, never
 *   re-sent. Dials are kept away from stale sockets instead: a pooled socket idle longer than the safe age
 *   (or than half the idle time after which this server was seen closing sockets) is replaced first.
 */
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import { AppError, isAppError } from '../../../shared/errors';
import type {
  HttpRequest,
  HttpResponse,
  NodeTransportOptions,
  PeerCertificate,
  Route,
  Transport,
} from '../cloudagent/transport';
import { nullLogger } from '../log';
import { attempt, AttemptFailure } from './exchange';
import { describeRoute } from './failures';
import { loginFailures } from './negotiate-tunnel';
import { evictIdle, freshestIdleMs, Pool, type PoolEntry } from './pool';

export const DEFAULT_SAFE_IDLE_MS = 4000;

export function createNodeTransport(opts: NodeTransportOptions): Transport {
  const log = opts.log ?? nullLogger;
  const safeIdleMs = opts.safeIdleMs ?? DEFAULT_SAFE_IDLE_MS;
  // One secure context for every connection: parsing ~140 roots per handshake would cost each connection.
  const secureContext = opts.trust.ca.length ? tls.createSecureContext({ ca: opts.trust.ca }) : undefined;
  const peers = new Map<string, PeerCertificate>();
  const pool = new Pool({
    lookup: opts.lookup,
    credentials: opts.credentials,
    integratedLogin: opts.integratedLogin,
    secureContext,
    onPeer: (origin, peer) => peers.set(origin, peer),
  });
  let disposed = false;
  const warming = new Map<string, { done: Promise<boolean>; connected: boolean }>();

  const safeAge = (entry: PoolEntry): number => Math.min(safeIdleMs, entry.serverIdleMs / 2);

  async function routesFor(origin: string): Promise<Route[]> {
    const routes = await opts.routes.routesFor(origin);
    if (routes.length === 0)
      throw new AppError('Network', `No route to ${new URL(origin).host} is configured.`);
    return routes;
  }

  async function request(req: HttpRequest): Promise<HttpResponse> {
    // A warm-up whose connection is up (only its HEAD's answer is outstanding, under one round trip) is
    // worth waiting for: cheaper than a handshake of our own. One still connecting is not.
    const warmingUp = warming.get(req.url.origin);
    if (warmingUp?.connected) await warmingUp.done;
    return send(req);
  }

  async function send(req: HttpRequest, onConnected?: () => void): Promise<HttpResponse> {
    if (disposed) throw new AppError('Internal', 'The network transport was disposed.');
    const started = performance.now();
    const origin = req.url.origin;
    let first: unknown;
    const routes = await routesFor(origin);
    for (let i = 0; i < routes.length; i++) {
      const route = routes[i]!;
      const entry = await pool.entry(origin, route);
      if (req.replay === 'never') evictIdle(entry, safeAge(entry));
      try {
        return await attempt(entry, req, secureContext, started, onConnected);
      } catch (e) {
        if (!(e instanceof AttemptFailure)) throw e;
        if (req.signal?.aborted && e.error === req.signal.reason) throw e.error;
        if (e.proxyAsked && pool.switchToNegotiate(entry, e.proxyAsked)) {
          log.info('network: the proxy asks for Negotiate; logging in with the Windows login', { origin });
          i -= 1; // the same route again, now logging in on its CONNECT (once: the new entry never switches)
          continue;
        }
        const loginFailed = loginFailures.has(e.error as object) || (entry.negotiate && !!e.proxyAsked);
        if (loginFailed && (await pool.fallBackToBasic(entry))) {
          log.info('network: the Windows login failed; using the stored Basic login the proxy also accepts', {
            origin,
            error: isAppError(e.error) ? e.error.message : String(e.error),
          });
          i -= 1; // the same route again with Basic (once: a Basic entry never falls back)
          continue;
        }
        if (isAppError(e.error) && e.error.kind === 'Network') {
          opts.routes.invalidate(origin);
          if (e.proxyAsked) {
            pool.drop(entry); // the next try reads the credentials again (the agent may have just entered them)
          }
        }
        if (!e.wrote) {
          first ??= e.error;
          log.info(`network: ${describeRoute(route)} failed before sending; trying the next route`, {
            origin,
            error: isAppError(e.error) ? e.error.message : String(e.error),
          });
          continue;
        }
        if (req.replay === 'once' && e.reused && !e.answered && e.connectionLost) {
          log.info('network: a reused connection broke before any answer; sending once more on a fresh one', {
            origin,
          });
          evictIdle(entry, 0);
          try {
            return await attempt(entry, req, secureContext, started);
          } catch (again) {
            throw again instanceof AttemptFailure ? again.error : again;
          }
        }
        throw e.error;
      }
    }
    throw first;
  }

  async function warmOnce(
    origin: string,
    timeoutMs: number,
    state: { connected: boolean },
  ): Promise<boolean> {
    try {
      const [route] = await routesFor(origin);
      const entry = await pool.entry(origin, route!);
      evictIdle(entry, safeAge(entry));
      // A young pooled connection stays as it is; an older one (but not yet stale) is used once more,
      // which also restarts the server's idle clock; a stale one was replaced above.
      const freshest = freshestIdleMs(entry);
      if (freshest !== undefined && freshest < safeAge(entry) / 2) return true;
      await send({ method: 'HEAD', url: new URL('/', origin), timeoutMs, replay: 'once' }, () => {
        state.connected = true;
      });
      return true;
    } catch {
      return false;
    }
  }

  return {
    request,

    warm(origin, timeoutMs) {
      // Focus and typing both warm: one refresh per origin at a time.
      let running = warming.get(origin);
      if (!running) {
        const state = { connected: false, done: Promise.resolve(false) };
        state.done = warmOnce(origin, timeoutMs, state).finally(() => warming.delete(origin));
        warming.set(origin, state);
        running = state;
      }
      return running.done;
    },

    reset() {
      opts.routes.invalidate();
      pool.clear();
      log.info('network: connection pool and routes dropped');
    },

    dispose() {
      disposed = true;
      pool.clear();
    },

    async describe(origin) {
      const [route] = await routesFor(origin);
      const proxyLogin = pool.loginFor(origin, route!);
      return {
        route: route!,
        trust: opts.trust.describe,
        certificate: peers.get(origin),
        ...(proxyLogin ? { proxyLogin } : {}),
      };
    },
  };
}
