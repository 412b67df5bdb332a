import net from 'node:net';
import tls from 'node:tls';
import { listenOnLoopback } from './loopback-ports';

/**
 * An in-process proxy that asks for `Negotiate` and checks a multi-leg exchange made by `fakeNegotiateLogin`
 * (below), for the cases a real KDC cannot stage on demand: three legs bound to one connection (NTLM inside
 * SPNEGO), a proxy that closes between legs, a refused login, a proxy that stops answering.
 * Tunnels go to 127.0.0.1 whatever the host name (test names only).
 */
export interface NegotiateProxyOptions {
  /** Tokens needed before the tunnel opens (1 = Kerberos, 3 = NTLM inside SPNEGO). */
  legs?: number;
  /** Every leg must come on the connection of the one before (NTLM). */
  connectionBound?: boolean;
  /** Answer each 407 with `Connection: close` and close. */
  closeBetweenLegs?: boolean;
  /** Schemes offered to a CONNECT without a login. */
  offer?: string[];
  /** Refuse every token (a bare `Negotiate`, as squid does when the ticket is not accepted). */
  refuse?: boolean;
  /** Never answer this leg (1-based). */
  silentAtLeg?: number;
  /** Also accepts this Basic login (offer 'Basic' too for a realistic 407). */
  basic?: { username: string; password: string };
  /** An HTTPS proxy: TLS to the proxy itself with this certificate. */
  secure?: { cert: string; key: string };
}

export interface NegotiateProxy {
  url: string;
  port: number;
  /** TCP connections accepted. */
  connections: number;
  /** Every CONNECT: the target and the Proxy-Authorization sent ('' without). */
  connects: Array<{ target: string; authorization: string; connection: number }>;
  tunnels: number;
  /** Client connections still open now. */
  openClients(): number;
  close(): Promise<void>;
}

/** The fake login's token for leg `n` answering `challenge`: the proxy can check the chain. */
export function fakeToken(n: number, challenge: string): string {
  return Buffer.from(`leg${n}:${challenge}`).toString('base64');
}

export function fakeNegotiateLogin(steps: Array<{ proxy: string; challenge: string }> = []) {
  return {
    steps,
    async begin(proxy: URL) {
      let n = 0;
      return {
        step: async (challenge: string) => {
          steps.push({ proxy: proxy.host, challenge });
          n += 1;
          return fakeToken(n, challenge);
        },
      };
    },
  };
}

export async function startNegotiateProxy(opts: NegotiateProxyOptions = {}): Promise<NegotiateProxy> {
  const legs = opts.legs ?? 1;
  const open = new Set<net.Socket>();
  const proxy: NegotiateProxy = {
    url: '',
    port: 0,
    connections: 0,
    connects: [],
    tunnels: 0,
    openClients: () => clients.size,
    close: async () => {},
  };
  const clients = new Set<net.Socket>();
  // Where each exchange stands: the challenge last sent, per connection or for the whole proxy.
  let shared: { leg: number; challenge: string } | undefined;

  const accept = (client: net.Socket): void => {
    const connection = ++proxy.connections;
    open.add(client);
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    let state: { leg: number; challenge: string } | undefined;
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buffered.slice(0, end);
      buffered = buffered.slice(end + 4);
      const [first = '', ...lines] = head.split('\r\n');
      const target = first.split(' ')[1] ?? '';
      const authorization =
        lines.find((l) => /^proxy-authorization:/i.test(l))?.replace(/^[^:]*:\s*/, '') ?? '';
      proxy.connects.push({ target, authorization, connection });
      const ask = (challenge?: string): void => {
        const offers = challenge
          ? [`Negotiate ${challenge}`]
          : (opts.offer ?? ['Negotiate', 'NTLM']).map((s) => (s === 'Basic' ? 'Basic realm="t"' : s));
        const close = opts.closeBetweenLegs;
        client.write(
          `HTTP/1.1 407 Proxy Authentication Required\r\n${offers.map((o) => `Proxy-Authenticate: ${o}\r\n`).join('')}` +
            `Content-Type: text/html\r\nContent-Length: 13\r\n${close ? 'Connection: close\r\n' : ''}\r\n<p>login</p>\n`,
        );
        if (close) client.end();
      };
      const tunnel = (): void => {
        client.off('data', onData);
        const port = Number(target.split(':').pop());
        const upstream = net.connect(port, '127.0.0.1', () => {
          proxy.tunnels += 1;
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.pipe(client).pipe(upstream);
        });
        open.add(upstream);
        upstream.on('close', () => client.destroy());
        upstream.on('error', () => client.destroy());
        client.on('close', () => upstream.destroy());
      };
      const basic =
        opts.basic &&
        `Basic ${Buffer.from(`${opts.basic.username}:${opts.basic.password}`).toString('base64')}`;
      if (basic && authorization === basic) return tunnel();
      const m = /^Negotiate (\S+)$/.exec(authorization);
      if (!m) return ask();
      const prior = opts.connectionBound ? state : (state ?? shared);
      const leg = (prior?.leg ?? 0) + 1;
      if (opts.silentAtLeg === leg) return;
      if (opts.refuse || m[1] !== fakeToken(leg, prior?.challenge ?? '')) {
        state = shared = undefined;
        return ask();
      }
      if (leg < legs) {
        const challenge = Buffer.from(`challenge${leg}`).toString('base64');
        state = shared = { leg, challenge };
        return ask(challenge);
      }
      state = shared = undefined;
      tunnel();
    };
    client.on('data', onData);
  };
  const server = opts.secure ? tls.createServer(opts.secure, accept) : net.createServer(accept);
  return listenOnLoopback(server, open, proxy);
}
