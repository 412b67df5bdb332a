import net from 'node:net';

export interface DelayProxy {
  port: number;
  rttMs: number;
  close(): Promise<void>;
}

/**
 * A loopback TCP relay that makes a long link out of a short one: every chunk waits RTT/2 in each
 * direction, in order. Loopback answers a TCP handshake at once, so the relay also holds the client's
 * first bytes until one RTT after it accepted the connection — what SYN / SYN-ACK cost on a real link.
 */
export async function startDelayProxy(targetPort: number, rttMs: number): Promise<DelayProxy> {
  const half = rttMs / 2;
  const open = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    const acceptedAt = performance.now();
    const upstream = net.connect({ port: targetPort, host: '127.0.0.1', allowHalfOpen: true });
    for (const s of [client, upstream]) {
      s.setNoDelay(true);
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    relay(client, upstream, () => Math.max(performance.now() + half, acceptedAt + rttMs + half));
    relay(upstream, client, () => performance.now() + half);
    client.on('close', () => setTimeout(() => upstream.destroy(), rttMs));
    upstream.on('close', () => setTimeout(() => client.destroy(), rttMs));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    rttMs,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Forwards `from` → `to`, each chunk (and the end of the stream) at the time `due()` gives when it
 * arrived, never out of order.
 */
function relay(from: net.Socket, to: net.Socket, due: () => number): void {
  const queue: Array<{ at: number; chunk: Buffer | null }> = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.at <= now + 0.5) {
      const { chunk } = queue.shift()!;
      if (to.destroyed) continue;
      if (chunk) to.write(chunk);
      else to.end();
    }
    if (queue.length > 0) timer = setTimeout(flush, queue[0]!.at - now);
  };
  const push = (chunk: Buffer | null): void => {
    const last = queue.at(-1)?.at ?? 0;
    queue.push({ at: Math.max(due(), last), chunk });
    if (!timer) timer = setTimeout(flush, queue[0]!.at - performance.now());
  };
  from.on('data', (chunk: Buffer) => push(chunk));
  from.on('end', () => push(null));
}
