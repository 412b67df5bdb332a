import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoClientOver } from '../../support/net/demo-client';
import type { Transport } from '../../../electron/core/cloudagent/transport';
import type { CloudAgentClient } from '../../../electron/core/cloudagent/types';
import { createNodeTransport } from '../../../electron/core/net/node-transport';
import { directRoutes } from '../../../electron/core/net/routes';
import { trustOnly } from '../../../electron/core/net/trust';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/server';
import { actionsSent } from '../../support/sim-requests';
import { bareTransport } from '../../support/net/bare-transport';
import { startLink } from '../../support/net/link';

// The network: 30 ms each way, a balancer that closes connections idle for 300 ms without a hint.
const ONE_WAY = 30;
const IDLE_CLOSE = 300;
const PARTY = '09876543210';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

let sim: Simulator;
const cleanup: Array<() => Promise<void> | void> = [];
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(transport: Transport, idleCloseMs: number | undefined = IDLE_CLOSE) {
  const link = await startLink({ targetPort: sim.port, oneWayMs: ONE_WAY, idleCloseMs });
  const client = demoClientOver(`http://127.0.0.1:${link.port}`, transport);
  cleanup.push(
    () => link.close(),
    () => transport.dispose(),
  );
  sim.clearRequests();
  return { link, client };
}

const transport = (over: { safeIdleMs?: number } = {}) =>
  createNodeTransport({ routes: directRoutes(), trust: trustOnly([]), ...over });

/**
 * The agent toggles, then adds a party `gap` ms later, for twelve gaps spread over the 120 ms before the
 * balancer's limit: half of them land in the window where the client still believes in a connection the
 * balancer has already closed. Returns how many dials failed and how many CloudAgent received.
 */
async function twelveDials(
  client: CloudAgentClient,
): Promise<{ failed: number; received: number; sent: number }> {
  const ucid = sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
  await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
  // The balancer closes the idle connection once before the dials (a real agent's pool sees this often).
  await sleep(IDLE_CLOSE + 3 * ONE_WAY);
  let failed = 0;
  for (let i = 0; i < 12; i++) {
    await client.callControl({ action: i % 2 ? 'UNHOLD' : 'HOLD', ucid, conferenceNumber: PARTY });
    await sleep(IDLE_CLOSE - 4 * ONE_WAY + (ONE_WAY / 3) * (i + 0.5));
    const number = `0987654${String(3300 + i)}`;
    try {
      await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: number });
    } catch {
      failed += 1;
    }
  }
  const dials = actionsSent(sim).filter((a) => a.startsWith('CONFERENCE 0987654'));
  return { failed, received: dials.length - 1, sent: 12 };
}

describe('connections the server closed while idle', () => {
  it('control: a plain keep-alive pool loses about half the dials (the issue: 6 of 12)', async () => {
    const { client } = await setup(bareTransport());
    const r = await twelveDials(client);
    console.info(`plain keep-alive pool: ${r.failed} of 12 dials failed`);
    // 6 on a quiet machine (the timers decide which gaps land in the window); at least 2 under any load.
    expect(r.failed).toBeGreaterThanOrEqual(2);
    expect(r.received).toBe(12 - r.failed); // the failed ones never reached CloudAgent
  }, 30_000);

  it('the transport loses none and dials each number exactly once', async () => {
    const { client } = await setup(transport());
    const r = await twelveDials(client);
    expect(r.failed).toBe(0);
    expect(r.received).toBe(12);
    const numbers = actionsSent(sim).filter((a) => a.startsWith('CONFERENCE 0987654'));
    expect(new Set(numbers).size).toBe(numbers.length); // never twice
  }, 30_000);

  it('a dial is never re-sent: on a stale reused connection it fails as "sent, answer unknown" and CloudAgent saw it at most once', async () => {
    // A safe age longer than the balancer's limit and no close observed yet: the dial rides a stale socket.
    const { client, link } = await setup(transport({ safeIdleMs: 60_000 }));
    const ucid = sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
    await client.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY }).catch(() => undefined);
    // Closed at the far end 30 ms before the FIN reaches us: aim at the middle of that window.
    await sleep(IDLE_CLOSE - 1.5 * ONE_WAY);
    await expect(
      client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY }),
    ).rejects.toMatchObject({
      kind: 'Network',
    });
    expect(link.lostAtServer).toBe(1);
    expect(actionsSent(sim).filter((a) => a.startsWith('CONFERENCE'))).toEqual([]);
    expect(link.connections).toBe(1); // not re-sent on a fresh connection
  }, 10_000);

  it('a toggle on such a connection is re-sent once on a fresh one and succeeds', async () => {
    const { client, link } = await setup(transport({ safeIdleMs: 60_000 }));
    const ucid = sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    await sleep(IDLE_CLOSE - 1.5 * ONE_WAY);
    await expect(
      client.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY }),
    ).resolves.toMatchObject({
      action: 'HOLD',
    });
    expect(link.lostAtServer).toBe(1);
    expect(link.connections).toBe(2);
    expect(actionsSent(sim).filter((a) => a.startsWith('HOLD'))).toHaveLength(1);
  }, 10_000);
});

describe('a link that silently drops its connections (sleep, network change)', () => {
  it('control: without reset the next action waits for the whole timeout', async () => {
    const { client, link } = await setup(transport(), undefined);
    const ucid = sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    link.blackhole();
    const started = performance.now();
    await expect(client.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY })).rejects.toMatchObject(
      {
        kind: 'Timeout',
      },
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(2900);
  }, 10_000);

  it('after reset() the next action goes out at once on a fresh connection', async () => {
    const t = transport();
    const { client, link } = await setup(t, undefined);
    const ucid = sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    link.blackhole();
    t.reset(); // what main does on powerMonitor 'resume' and on a network change
    const started = performance.now();
    await client.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY });
    expect(performance.now() - started).toBeLessThan(8 * ONE_WAY + 200); // a fresh connection, not the timeout
    expect(link.connections).toBe(2);
  }, 10_000);
});
