import net from 'node:net';

export interface Link {
  port: number;
  /** Connections the link accepted from clients. */
  connections: number;
  /** Requests (first chunks after idle) the far end never received because it had closed the connection. */
  lostAtServer: number;
  /** From now on, every open connection silently stops carrying data (no FIN, no RST): sleep, Wi-Fi change. */
  blackhole(): void;
  close(): Promise<void>;
}

/**
 * A long link with a load balancer at its far end, in front of `targetPort`:
 * - every chunk takes `oneWayMs` in each direction (a connection's first bytes also wait one RTT, the
 *   handshake a real link costs);
 * - with `idleCloseMs`, the balancer closes a connection idle that long WITHOUT a Keep-Alive hint: its FIN
 *   reaches the client `oneWayMs` later, and a request that arrives after the close is answered with a
 *   reset and never reaches the server (what lost the dials).
 */
export async function startLink(opts: {
  targetPort: number;
  oneWayMs: number;
  idleCloseMs?: number;
}): Promise<Link> {
  const { oneWayMs } = opts;
  const open = new Set<net.Socket>();
  const holes: Array<() => void> = [];
  const link: Link = {
    port: 0,
    connections: 0,
    lostAtServer: 0,
    blackhole: () => holes.splice(0).forEach((h) => h()),
    close: async () => {},
  };
  const later = (fn: () => void, ms = oneWayMs) => setTimeout(fn, ms);
  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    link.connections += 1;
    const acceptedAt = performance.now();
    let dead = false; // blackholed
    let closedByBalancer = false;
    let idleTimer: NodeJS.Timeout | null = null;
    const upstream = net.connect({ port: opts.targetPort, host: '127.0.0.1', allowHalfOpen: true });
    for (const s of [client, upstream]) {
      s.setNoDelay(true);
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    holes.push(() => {
      dead = true;
      if (idleTimer) clearTimeout(idleTimer);
    });
    const idle = (): void => {
      if (!opts.idleCloseMs || dead) return;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        closedByBalancer = true;
        upstream.destroy();
        later(() => client.end());
      }, opts.idleCloseMs);
    };
    // Client → server: arrives oneWayMs later (the first bytes one RTT after accept, too).
    let lastIn = 0;
    client.on('data', (chunk: Buffer) => {
      if (dead) return;
      const at = Math.max(performance.now() + oneWayMs, acceptedAt + 3 * oneWayMs, lastIn);
      lastIn = at;
      setTimeout(() => {
        if (dead) return;
        if (closedByBalancer) {
          link.lostAtServer += 1;
          later(() => client.resetAndDestroy());
          return;
        }
        if (idleTimer) clearTimeout(idleTimer);
        upstream.write(chunk);
      }, at - performance.now());
    });
    client.on('end', () => later(() => !dead && upstream.end()));
    // Server → client.
    let lastOut = 0;
    upstream.on('data', (chunk: Buffer) => {
      if (dead) return;
      const at = Math.max(performance.now() + oneWayMs, lastOut);
      lastOut = at;
      idle();
      setTimeout(() => !dead && !client.destroyed && client.write(chunk), at - performance.now());
    });
    upstream.on('end', () => !closedByBalancer && later(() => !dead && client.end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  link.port = (server.address() as net.AddressInfo).port;
  link.close = () =>
    new Promise<void>((resolve) => {
      for (const s of open) s.destroy();
      server.close(() => resolve());
    });
  return link;
}
