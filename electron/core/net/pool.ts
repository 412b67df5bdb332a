/**
 * Keep-alive agents per origin AND route (direct, or through one proxy), sharing the transport's one secure
 * context. Tracks how long each pooled socket has been idle and what the server does to idle sockets, so a
 * request that must never be re-sent (a dial) is kept off a connection the server may already have closed.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import tls, { type SecureContext } from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { IntegratedProxyLogin, PeerCertificate, ProxyCredentials, Route } from '../cloudagent/transport';
import { NegotiateTunnelAgent } from './negotiate-tunnel';
import { negotiateChallenge, offeredSchemes } from './proxy-authenticate';
import { commonName } from './trust';

/** Idle pooled sockets close after this, or earlier when the server's Keep-Alive hint says so. */
const IDLE_SOCKET_MS = 30_000;

export interface PoolEntry {
  origin: string;
  route: Route;
  agent: http.Agent;
  /** Basic credentials go with every CONNECT of this entry. */
  sentLogin: boolean;
  /** Every CONNECT of this entry logs in with the Windows login (Negotiate). */
  negotiate: boolean;
  /** The shortest idle time after which the server was seen closing a pooled socket by itself. */
  serverIdleMs: number;
}

export interface PoolOptions {
  lookup?: LookupFunction;
  credentials?: ProxyCredentials;
  integratedLogin?: IntegratedProxyLogin;
  /** The transport's trust, also for the TLS connection to an HTTPS proxy itself (a company CA signs it). */
  secureContext?: SecureContext;
  onPeer(origin: string, peer: PeerCertificate): void;
}

const idleSince = new WeakMap<Socket, number>();
const watched = new WeakSet<Socket>();
/** The issuer of the certificate a failed handshake presented (the error itself does not carry it). */
export const failedPeerIssuer = new WeakMap<Error, string>();

export class Pool {
  private readonly entries = new Map<string, Promise<PoolEntry>>();
  private readonly settled = new WeakMap<Promise<PoolEntry>, PoolEntry>();
  /**
   * Proxies (href) that answered a CONNECT with `Negotiate`, and every scheme they offered: their next
   * connections log in at once.
   */
  private readonly negotiating = new Map<string, string[]>();
  /** Proxies whose Windows login failed here while a stored Basic login works: until the network changes. */
  private readonly basicInstead = new Set<string>();
  constructor(private readonly opts: PoolOptions) {}

  /**
   * After a 407: when the proxy offers Negotiate and this process can answer it, the entry is replaced by one
   * that logs in on every CONNECT, and true says "try this route again" (nothing reached CloudAgent).
   */
  switchToNegotiate(entry: PoolEntry, authenticate: string[]): boolean {
    if (entry.route.kind !== 'proxy' || entry.negotiate || !this.opts.integratedLogin) return false;
    if (negotiateChallenge(authenticate) === undefined) return false;
    if (this.basicInstead.has(entry.route.proxy.href)) return false;
    this.negotiating.set(entry.route.proxy.href, offeredSchemes(authenticate));
    this.drop(entry);
    return true;
  }

  /**
   * After the Windows login failed (no ticket on a laptop outside the domain, or the proxy refused it):
   * when the proxy offers Basic too and a Basic login is stored, the entry is replaced by one that sends it,
   * and true says "try this route again" (nothing reached CloudAgent).
   */
  async fallBackToBasic(entry: PoolEntry): Promise<boolean> {
    if (entry.route.kind !== 'proxy' || !entry.negotiate) return false;
    const href = entry.route.proxy.href;
    if (!this.negotiating.get(href)?.some((s) => /^basic$/i.test(s))) return false;
    if (!(await this.opts.credentials?.get(entry.route.proxy))) return false;
    this.negotiating.delete(href);
    this.basicInstead.add(href);
    this.drop(entry);
    return true;
  }

  /** How the route's proxy is logged in to, as far as the connections so far have shown. */
  loginFor(origin: string, route: Route): 'Basic' | 'Negotiate' | undefined {
    if (route.kind !== 'proxy') return undefined;
    if (this.negotiating.has(route.proxy.href)) return 'Negotiate';
    const current = this.entries.get(keyOf(origin, route));
    return current && this.settled.get(current)?.sentLogin ? 'Basic' : undefined;
  }

  entry(origin: string, route: Route): Promise<PoolEntry> {
    const key = keyOf(origin, route);
    let entry = this.entries.get(key);
    if (!entry) {
      const created = this.create(origin, route);
      entry = created;
      this.entries.set(key, created);
      void created.then(
        (e) => this.settled.set(created, e),
        () => undefined,
      );
      entry.catch(() => this.entries.delete(key));
    }
    return entry;
  }

  /** Forgets an entry (e.g. after a 407, so fresh credentials are read for the next CONNECT). */
  drop(entry: PoolEntry): void {
    // At once, not in a later turn: the caller may ask for the route's entry again right away.
    const key = keyOf(entry.origin, entry.route);
    const current = this.entries.get(key);
    if (current && this.settled.get(current) === entry) this.entries.delete(key);
    entry.agent.destroy();
  }

  /** Destroys every socket of every entry and forgets them: the next request connects fresh. */
  clear(): void {
    const all = [...this.entries.values()];
    this.entries.clear();
    // A new network (or a wake) may bring the domain back: the Windows login is tried again.
    this.basicInstead.clear();
    for (const e of all)
      void e.then(
        (entry) => entry.agent.destroy(),
        () => undefined,
      );
  }

  private async create(origin: string, route: Route): Promise<PoolEntry> {
    const base = { keepAlive: true, maxFreeSockets: 4, timeout: IDLE_SOCKET_MS, lookup: this.opts.lookup };
    // Both tunnels pass their options on to tls.connect when the proxy itself speaks TLS (`HTTPS h:p`).
    const toProxy =
      route.kind === 'proxy' && route.proxy.protocol === 'https:'
        ? { secureContext: this.opts.secureContext }
        : {};
    const watch = (socket: Socket): void => this.watchTls(origin, socket);
    let agent: http.Agent;
    let sentLogin = false;
    let negotiate = false;
    const integrated = this.opts.integratedLogin;
    if (route.kind === 'proxy' && integrated && this.negotiating.has(route.proxy.href)) {
      negotiate = true;
      agent = new NegotiateTunnelAgent(route.proxy, integrated, { ...base, ...toProxy }, watch);
    } else if (route.kind === 'proxy') {
      const login = await this.opts.credentials?.get(route.proxy);
      sentLogin = !!login;
      const headers: Record<string, string> = login
        ? {
            'Proxy-Authorization': `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`,
          }
        : {};
      agent = new WatchedProxyAgent(route.proxy, { ...base, ...toProxy, headers }, watch);
    } else if (new URL(origin).protocol === 'https:') {
      agent = new WatchedHttpsAgent(base, watch);
    } else {
      agent = new http.Agent(base);
    }
    const entry: PoolEntry = { origin, route, agent, sentLogin, negotiate, serverIdleMs: Infinity };
    // A socket goes back to the pool: note when, and learn from the server closing it while idle.
    agent.on('free', (socket: Socket) => {
      idleSince.set(socket, performance.now());
      if (watched.has(socket)) return;
      watched.add(socket);
      socket.once('end', () => {
        const since = idleSince.get(socket);
        if (since !== undefined) entry.serverIdleMs = Math.min(entry.serverIdleMs, performance.now() - since);
      });
    });
    return entry;
  }

  private watchTls(origin: string, socket: Socket): void {
    if (!(socket instanceof tls.TLSSocket)) return;
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      if (cert && cert.subject) {
        this.opts.onPeer(origin, {
          subject: commonName(nameOf(cert.subject)),
          issuer: commonName(nameOf(cert.issuer)),
          validTo: cert.valid_to,
        });
      }
    });
    // Node drops the peer certificate before it reports a failed verification; read the issuer first.
    const destroy = socket.destroy.bind(socket);
    socket.destroy = (err?: Error) => {
      if (err && !socket.destroyed) {
        const issuer = socket.getPeerCertificate()?.issuer;
        if (issuer) failedPeerIssuer.set(err, commonName(nameOf(issuer)));
      }
      return destroy(err);
    };
  }
}

function keyOf(origin: string, route: Route): string {
  return `${origin}|${route.kind === 'proxy' ? route.proxy.href : 'direct'}`;
}

/** A socket handed to a request is no longer idle. */
export function taken(socket: Socket): void {
  idleSince.delete(socket);
}

/** Idle age of the freshest pooled socket (ms), or undefined when none is pooled. */
export function freshestIdleMs(entry: PoolEntry): number | undefined {
  let best: number | undefined;
  for (const socket of freeSockets(entry)) {
    const since = idleSince.get(socket);
    if (since === undefined || socket.destroyed) continue;
    const age = performance.now() - since;
    best = best === undefined ? age : Math.min(best, age);
  }
  return best;
}

/** Closes pooled sockets idle longer than `maxIdleMs` (all of them with 0). */
export function evictIdle(entry: PoolEntry, maxIdleMs: number): number {
  let evicted = 0;
  for (const socket of freeSockets(entry)) {
    const since = idleSince.get(socket);
    if (since === undefined || performance.now() - since >= maxIdleMs) {
      socket.destroy();
      evicted += 1;
    }
  }
  return evicted;
}

function freeSockets(entry: PoolEntry): Socket[] {
  return Object.values(entry.agent.freeSockets).flatMap((list) => (list ?? []) as Socket[]);
}

function nameOf(name: unknown): string {
  if (!name || typeof name !== 'object') return String(name ?? '');
  return Object.entries(name as Record<string, string | string[]>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join('\n');
}

type Watch = (socket: Socket) => void;

class WatchedHttpsAgent extends https.Agent {
  constructor(
    options: https.AgentOptions,
    private readonly watch: Watch,
  ) {
    super(options);
  }
  override createConnection(...args: unknown[]): Socket {
    const create = (https.Agent.prototype as unknown as { createConnection: (...a: unknown[]) => Socket })
      .createConnection;
    const socket = create.apply(this, args);
    this.watch(socket);
    return socket;
  }
}

class WatchedProxyAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: URL,
    options: ConstructorParameters<typeof HttpsProxyAgent>[1],
    private readonly watch: Watch,
  ) {
    super(proxy, options);
  }
  override async connect(...args: Parameters<HttpsProxyAgent<string>['connect']>): Promise<Socket> {
    const socket = (await super.connect(...args)) as Socket;
    this.watch(socket);
    return socket;
  }
}
