import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { listenOnLoopback } from './loopback-ports';

/** How the in-process proxy answers CONNECT. */
export type ProxyMode =
  | { kind: 'tunnel'; login?: { username: string; password: string } }
  | { kind: 'ask'; schemes: string[] } // 407 with these Proxy-Authenticate schemes, whatever is sent
  | { kind: 'refuse'; status: number };

export interface ConnectProxy {
  url: string;
  port: number;
  mode: ProxyMode;
  /** CONNECT requests seen (target host:port), tunnelled or not. */
  connects: string[];
  /** Proxy-Authorization headers seen. */
  logins: string[];
  close(): Promise<void>;
}

/**
 * A small CONNECT proxy for the fine cases squid is awkward for: a 407 asking for NTLM, a refusal with a
 * chosen status, counting tunnels. Tunnels go to 127.0.0.1 whatever the host name (test names only).
 */
export async function startConnectProxy(
  mode: ProxyMode,
  /** An HTTPS proxy (`HTTPS h:p` in a PAC answer): TLS to the proxy itself with this certificate. */
  secure?: { cert: string; key: string },
): Promise<ConnectProxy> {
  const open = new Set<net.Socket>();
  const refuse = (_req: http.IncomingMessage, res: http.ServerResponse) => res.writeHead(405).end();
  const server = secure ? https.createServer(secure, refuse) : http.createServer(refuse);
  const proxy: ConnectProxy = { url: '', port: 0, mode, connects: [], logins: [], close: async () => {} };
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    proxy.connects.push(req.url ?? '');
    const auth = req.headers['proxy-authorization'];
    if (auth) proxy.logins.push(auth);
    const m = proxy.mode;
    if (m.kind === 'ask') {
      const headers = m.schemes.map(
        (s) => `Proxy-Authenticate: ${s}${s === 'Basic' ? ' realm="test"' : ''}\r\n`,
      );
      client.end(
        `HTTP/1.1 407 Proxy Authentication Required\r\n${headers.join('')}Content-Length: 0\r\n\r\n`,
      );
      return;
    }
    if (m.kind === 'refuse') {
      client.end(`HTTP/1.1 ${m.status} ${http.STATUS_CODES[m.status]}\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    if (m.login) {
      const expected = `Basic ${Buffer.from(`${m.login.username}:${m.login.password}`).toString('base64')}`;
      if (auth !== expected) {
        client.end(
          'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
        );
        return;
      }
    }
    const port = Number((req.url ?? '').split(':').pop());
    let connected = false;
    const upstream = net.connect(port, '127.0.0.1', () => {
      connected = true;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    open.add(upstream);
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => {
      if (connected) client.destroy();
      else client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
    client.on('close', () => upstream.destroy());
  });
  return listenOnLoopback(server, open, proxy);
}
