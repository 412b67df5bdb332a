/**
 * The transport port: how the CloudAgent client reaches CloudAgent. Core only names the shape; each process
 * composes its own (electron/core/net/node-transport.ts builds the one Node implementation from a route
 * source, a trust bundle and proxy credentials chosen by main, the CLI or a test), so core never holds a
 * module-level pool and never decides the proxy or the trusted CAs itself.
 */
import type { LookupFunction } from 'node:net';
import type { Logger } from '../log';

export type HttpMethod = 'GET' | 'POST' | 'HEAD';

/**
 * Whether a request may be sent again after its bytes left the machine.
 * - `never`: dials (CONFERENCE), KICK_CALL, Phone Manual Dial, release-phone. Only a failure before any byte
 *   was written (connect, TLS, proxy CONNECT refused) may fall through to the next route or a fresh
 *   connection, because nothing was sent.
 * - `once`: HOLD/UNHOLD/MUTE/UNMUTE/the token request: re-sent once on a FRESH connection when a REUSED one
 *   fails before any byte of an answer (the server had closed it while idle).
 */
export type Replay = 'never' | 'once';

export interface HttpRequest {
  method: HttpMethod;
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  replay: Replay;
}

export interface HttpResponse {
  status: number;
  contentType?: string;
  body: string;
  /** Milliseconds from handing the request to the transport until the last byte of the body. */
  latencyMs: number;
  /** Whether the answer came over an already-open pooled connection. */
  reusedSocket: boolean;
}

export type RouteOrigin = 'os' | 'environment' | 'setting' | 'option' | 'loopback' | 'default';

/** One way to reach an origin. A proxy URL is http: (or https:) host:port, WITHOUT credentials. */
export type Route = { kind: 'direct'; from: RouteOrigin } | { kind: 'proxy'; proxy: URL; from: RouteOrigin };

/** Chooses the route(s) for an origin, in order of preference ("PROXY a:1; DIRECT" = two routes). */
export interface RouteSource {
  /** May throw AppError (e.g. a SOCKS proxy: "not supported"). */
  routesFor(origin: string): Promise<Route[]>;
  /** After a network error, on resume, on a network change. */
  invalidate(origin?: string): void;
}

/** Proxy Basic credentials (from the keychain in the app; from the proxy URL in the CLI). */
export interface ProxyCredentials {
  get(proxy: URL): Promise<{ username: string; password: string } | undefined>;
}

/**
 * The logged-on user's login for a proxy that asks for `Negotiate` (a Windows domain proxy): Kerberos through
 * SPNEGO, by SSPI on Windows and GSSAPI elsewhere. No password is ever typed, stored or seen: the OS holds the
 * ticket. One exchange per CONNECT, because a Kerberos authenticator is accepted once.
 */
export interface IntegratedProxyLogin {
  /** Starts an exchange for one CONNECT to `proxy`; throws AppError in words when this computer cannot. */
  begin(proxy: URL): Promise<ProxyLoginExchange>;
}

export interface ProxyLoginExchange {
  /** The next token (base64) to send: for '' (the first), then for each challenge the proxy answers with. */
  step(challenge: string): Promise<string>;
}

/** What the transport trusts: PEM certificates, loaded ONCE per process by whoever composes the transport. */
export interface Trust {
  /** Bundled roots + the OS store (where the runtime has tls.getCACertificates('system')) + the extra file. */
  ca: string[];
  describe: TrustDescription;
}

export interface TrustDescription {
  bundled: number;
  system: number;
  extra?: { file: string; subjects: string[] };
}

/** The certificate the server presented on the last TLS connection to an origin (for doctor). */
export interface PeerCertificate {
  subject: string;
  issuer: string;
  validTo: string;
}

export interface RouteDescription {
  route: Route;
  trust: TrustDescription;
  /** Seen on the last TLS handshake with the origin, when there was one. */
  certificate?: PeerCertificate;
  /** How ConfBar logs in to the route's proxy, once a CONNECT has shown it (never the credentials). */
  proxyLogin?: 'Basic' | 'Negotiate';
}

export interface Transport {
  request(req: HttpRequest): Promise<HttpResponse>;
  /** Opens or refreshes a pooled connection to the origin; never throws. */
  warm(origin: string, timeoutMs: number): Promise<boolean>;
  /** Drops cached routes and every pooled socket (resume, network change). The next request connects fresh at once. */
  reset(): void;
  dispose(): void;
  /** For doctor / the diagnostic report: how the origin is reached now and what is trusted. */
  describe(origin: string): Promise<RouteDescription>;
}

export interface NodeTransportOptions {
  routes: RouteSource;
  trust: Trust;
  credentials?: ProxyCredentials;
  /** Answers a proxy's `Negotiate` with the logged-on user's login; without it such a proxy gets an error. */
  integratedLogin?: IntegratedProxyLogin;
  log?: Logger;
  /** Tests resolve their host names in-process (no DNS query leaves the machine). */
  lookup?: LookupFunction;
  /**
   * A pooled connection idle longer than this is replaced before a `replay: 'never'` request (a server or a
   * middlebox may have closed it without a word). Default 4 s: below common load-balancer idle limits.
   */
  safeIdleMs?: number;
}
