import net from 'node:net';
import tls from 'node:tls';

export interface TlsFront {
  port: number;
  /** Connections opened to the simulator so far: one per TLS connection accepted, as it accepted them. */
  readonly simulatorSockets: number;
  close(): Promise<void>;
}

/**
 * Serves the (plain HTTP) simulator (or any plain server) over TLS on loopback: each accepted TLS connection gets exactly one
 * connection to the simulator, so counting them counts the sockets the simulator accepts.
 */
export async function startTlsFront(
  simPort: number,
  certs: { cert: string; key: string },
): Promise<TlsFront> {
  let simulatorSockets = 0;
  const open = new Set<net.Socket>();
  const server = tls.createServer({ key: certs.key, cert: certs.cert, minVersion: 'TLSv1.2' }, (client) => {
    simulatorSockets += 1;
    const upstream = net.connect(simPort, '127.0.0.1');
    upstream.setNoDelay(true);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  // Nagle's algorithm against loopback's delayed ACKs would add up to 40 ms to a two-write answer.
  server.on('connection', (s: net.Socket) => s.setNoDelay(true));
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get simulatorSockets() {
      return simulatorSockets;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
