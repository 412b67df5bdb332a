import net from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import { PARTY, clientFor, disposeAll, sharedTransport } from './helpers';

/**
 * A TCP relay in front of the simulator that counts the connections clients open: the real check that
 * warm() leaves a socket open and that later requests (from any client of the origin) ride on it.
 */
interface Relay {
  url: string;
  connections: number;
  close(): Promise<void>;
}

function startRelay(target: number): Promise<Relay> {
  const sockets = new Set<net.Socket>();
  const relay: Relay = { url: '', connections: 0, close: async () => {} };
  const server = net.createServer((inbound) => {
    relay.connections += 1;
    const outbound = net.connect(target, '127.0.0.1');
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      relay.url = `http://127.0.0.1:${address.port}`;
      relay.close = () =>
        new Promise<void>((done) => {
          for (const s of sockets) s.destroy();
          server.close(() => done());
        });
      resolve(relay);
    });
  });
}

let sim: Simulator;
let relay: Relay;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(async () => {
  relay = await startRelay(sim.port);
  sim.clearRequests();
});
afterEach(async () => {
  await disposeAll();
  await relay.close();
});

describe('warm()', () => {
  it('opens a connection with HEAD / and the first action reuses it', async () => {
    const { client, log } = clientFor(sim, { mode: 'legacy', baseUrl: relay.url });
    await client.warm();
    expect(relay.connections).toBe(1);
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /']);

    const ucid = sim.createCall();
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    await client.callControl({ action: 'MUTE', ucid, conferenceNumber: PARTY });
    expect(relay.connections).toBe(1);
    expect(sim.requests).toHaveLength(3);
    const reused = log.entries.filter((e) => e.meta?.action !== undefined).map((e) => e.meta?.reused);
    expect(reused).toEqual([true, true]);
  });

  it('every client of the same origin shares the pooled connection', async () => {
    const first = clientFor(sim, { mode: 'basic', baseUrl: relay.url }).client;
    const second = clientFor(sim, { mode: 'legacy', baseUrl: relay.url }).client;
    await first.warm();
    const ucid = sim.createCall();
    await second.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    await first.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY });
    expect(relay.connections).toBe(1);
  });

  it('without keep-alive reuse each request would need its own connection (control)', async () => {
    const { client } = clientFor(sim, { mode: 'legacy', baseUrl: relay.url });
    await client.warm();
    sharedTransport().reset(); // drops the pooled socket, as on resume or a network change
    const again = clientFor(sim, { mode: 'legacy', baseUrl: relay.url }).client;
    await again.callControl({ action: 'CONFERENCE', ucid: sim.createCall(), conferenceNumber: PARTY });
    expect(relay.connections).toBe(2);
  });

  it('in token mode also fetches the token, so the first action is a single request', async () => {
    const { client } = clientFor(sim, { mode: 'token', baseUrl: relay.url });
    await client.warm();
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'HEAD /',
      'POST /ca_apis/CAToken/generateToken',
    ]);
    await client.warm(); // a valid token is reused, not generated again
    const ucid = sim.createCall();
    sim.clearRequests();
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    expect(sim.requests.map((r) => r.path)).toEqual(['/ca_apis/CallControl_V4']);
  });

  it('never throws, even when the origin is gone', async () => {
    const { client } = clientFor(sim, { mode: 'legacy', baseUrl: relay.url });
    await relay.close();
    await expect(client.warm()).resolves.toBeUndefined();
  });
});
