import http from 'node:http';
import net from 'node:net';

/**
 * A small HTTP CONNECT proxy on loopback for the route tests: it resolves the test's host names from its own
 * table (no DNS query leaves the machine), counts the tunnels it opened, and can ask for a login (407 with
 * the schemes given, e.g. ['Basic realm="corp"'] or ['NTLM', 'Negotiate']).
 */
export interface LoopbackProxy {
  port: number;
  /** `host:port` of every CONNECT, in order (one per tunnel, i.e. per new connection through it). */
  connects: string[];
  /** The Proxy-Authorization header of each CONNECT ('' when none was sent). */
  authorizations: string[];
  close(): Promise<void>;
}

export async function startLoopbackProxy(opts: {
  /** Host name → loopback address the proxy connects to for it. */
  hosts: Record<string, string>;
  /** Answer 407 with these Proxy-Authenticate values unless the CONNECT carries `acceptAuthorization`. */
  authenticate?: string[];
  acceptAuthorization?: string;
}): Promise<LoopbackProxy> {
  const connects: string[] = [];
  const authorizations: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const target = req.url ?? '';
    const auth = req.headers['proxy-authorization'] ?? '';
    connects.push(target);
    authorizations.push(auth);
    if (opts.authenticate && auth !== opts.acceptAuthorization) {
      const lines = opts.authenticate.map((a) => `Proxy-Authenticate: ${a}\r\n`).join('');
      client.end(`HTTP/1.1 407 Proxy Authentication Required\r\n${lines}Content-Length: 0\r\n\r\n`);
      return;
    }
    const m = /^(.+):(\d+)$/.exec(target);
    const address = m ? opts.hosts[m[1]!] : undefined;
    if (!m || !address) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(m[2]), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connects,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (bound, then closed): connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
