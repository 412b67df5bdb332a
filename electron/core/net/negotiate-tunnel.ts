/**
 * A CONNECT tunnel that logs in to the proxy with the logged-on user's login (HTTP `Negotiate`: Kerberos
 * through SPNEGO). Written by hand because https-proxy-agent sends one CONNECT and hands back the proxy's
 * refusal: a Negotiate exchange can take several legs, and when SPNEGO falls back to NTLM (Windows) those legs
 * must share ONE connection. Every leg happens before the first byte of the request, so a dial is never sent
 * twice by this; a leg the proxy refuses ends with the proxy's answer (see failures.ts for the words).
 */
import type http from 'node:http';
import net, { type LookupFunction, type Socket } from 'node:net';
import tls from 'node:tls';
import { Agent, type AgentConnectOpts } from 'agent-base';
import type { IntegratedProxyLogin } from '../cloudagent/transport';
import { readProxyAnswer } from './proxy-answer-reader';
import { negotiateChallenge } from './proxy-authenticate';

/**
 * Failures of the login itself (no ticket, the proxy refused it), before any byte of a request: the pool
 * may fall back to a stored Basic login when the proxy offers that too.
 */
export const loginFailures = new WeakSet<object>();

/** Kerberos takes one leg, SPNEGO with NTLM inside three; more means the proxy is looping. */
const MAX_LEGS = 4;
/** How soon a half-done login's connection is closed after its request was given up. */
const ABANDON_CHECK_MS = 100;

export interface NegotiateTunnelOptions extends http.AgentOptions {
  lookup?: LookupFunction;
  /** Trust for an HTTPS proxy's own certificate. */
  secureContext?: tls.SecureContext;
}

type Watch = (socket: Socket) => void;

export class NegotiateTunnelAgent extends Agent {
  constructor(
    private readonly proxy: URL,
    private readonly login: IntegratedProxyLogin,
    private readonly opts: NegotiateTunnelOptions,
    private readonly watch: Watch,
  ) {
    super(opts);
  }

  override async connect(req: http.ClientRequest, opts: AgentConnectOpts): Promise<Socket> {
    if (!opts.host) throw new TypeError('No "host" provided');
    const host = net.isIPv6(opts.host) ? `[${opts.host}]` : opts.host;
    const target = `${host}:${opts.port}`;
    // A request given up on (timeout, cancel) while the legs run leaves no socket behind. A request
    // destroyed before it has a socket emits nothing, hence the watch on `req.destroyed`.
    let socket: Socket | undefined;
    const abandon = (): void => {
      socket?.destroy();
    };
    req.once('close', abandon);
    const watch = setInterval(() => req.destroyed && abandon(), ABANDON_CHECK_MS);
    watch.unref();
    const alive = (): void => {
      if (req.destroyed) throw Object.assign(new Error('the request was given up'), { code: 'ECONNABORTED' });
    };
    try {
      const exchange = await this.login.begin(this.proxy).catch(failedLogin);
      let token = await exchange.step('').catch(failedLogin);
      alive();
      socket = await this.open(req, (s) => (socket = s));
      for (let leg = 1; ; leg++) {
        socket.write(connectRequest(target, token, this.keepAlive));
        const answer = await readProxyAnswer(socket);
        if (answer.status === 200) {
          socket.off('error', betweenLegs);
          if (answer.rest.length) socket.unshift(answer.rest);
          const tunnel = socket;
          socket = undefined; // handed over: the request owns it now
          return opts.secureEndpoint ? this.secure(tunnel, opts) : tunnel;
        }
        // A bare `Negotiate` after our token is a refusal: the proxy wants us to start again.
        const challenge = negotiateChallenge(answer.headers['proxy-authenticate'] ?? []);
        if (answer.status !== 407 || !challenge || leg >= MAX_LEGS) {
          // exchange.ts reads the proxy's final answer from this event, as it does for https-proxy-agent.
          req.emit('proxyConnect', { statusCode: answer.status, headers: answer.headers });
          throw Object.assign(new Error(`proxy answered ${answer.status}`), { code: 'EPROXYREFUSED' });
        }
        token = await exchange.step(challenge).catch(failedLogin);
        alive();
        if (answer.closes) {
          socket.destroy();
          socket = await this.open(req, (s) => (socket = s));
        }
      }
    } catch (e) {
      socket?.destroy();
      throw e;
    } finally {
      clearInterval(watch);
      req.off('close', abandon);
    }
  }

  /** Connects to the proxy; `track` gets the socket at once, so a given-up request can close it mid-connect. */
  private open(req: http.ClientRequest, track: (socket: Socket) => void): Promise<Socket> {
    const port = Number(this.proxy.port) || (this.proxy.protocol === 'https:' ? 443 : 80);
    const host = this.proxy.hostname.replace(/^\[|\]$/g, '');
    const socket =
      this.proxy.protocol === 'https:'
        ? tls.connect({
            host,
            port,
            servername: net.isIP(host) ? undefined : host,
            lookup: this.opts.lookup,
            secureContext: this.opts.secureContext,
          })
        : net.connect({ host, port, lookup: this.opts.lookup });
    track(socket);
    return new Promise((resolve, reject) => {
      socket.once(socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect', () => {
        socket.off('error', reject);
        // Between legs (while the login computes its next token) a reset must not go unhandled; the next
        // read or write on the socket reports it.
        socket.on('error', betweenLegs);
        req.emit('proxyReached');
        resolve(socket);
      });
      socket.once('error', reject);
      socket.once('close', () => reject(new Error('the request was given up while connecting to the proxy')));
    });
  }

  private secure(socket: Socket, opts: AgentConnectOpts): Socket {
    const { host = '', path: _path, port: _port, ...rest } = opts as AgentConnectOpts & { path?: string };
    void _path;
    void _port;
    const secured = tls.connect({
      ...(rest as tls.ConnectionOptions),
      socket,
      servername: net.isIP(host) ? undefined : host,
    });
    this.watch(secured);
    return secured;
  }
}

function betweenLegs(): void {}

function failedLogin(e: unknown): never {
  if (typeof e === 'object' && e !== null) loginFailures.add(e);
  throw e;
}

function connectRequest(target: string, token: string, keepAlive: boolean): string {
  return (
    `CONNECT ${target} HTTP/1.1\r\n` +
    `Host: ${target}\r\n` +
    `Proxy-Authorization: Negotiate ${token}\r\n` +
    `Proxy-Connection: ${keepAlive ? 'Keep-Alive' : 'close'}\r\n\r\n`
  );
}
