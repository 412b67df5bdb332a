import net from 'node:net';
import tls from 'node:tls';

/** A TCP port free on 127.0.0.1 right now (for a server started as another process). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Whether something accepts connections on 127.0.0.1:port (a child server is up). */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * Listens on 127.0.0.1 (any port) and fills in the proxy's url and port and a close() that also destroys the
 * sockets in `open` (server.close alone waits for them).
 */
export async function listenOnLoopback<T extends { url: string; port: number; close(): Promise<void> }>(
  server: net.Server,
  open: Set<net.Socket>,
  target: T,
): Promise<T> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target.port = (server.address() as net.AddressInfo).port;
  target.url = `${server instanceof tls.Server ? 'https' : 'http'}://127.0.0.1:${target.port}`;
  target.close = () =>
    new Promise<void>((resolve) => {
      for (const s of open) s.destroy();
      server.close(() => resolve());
    });
  return target;
}
