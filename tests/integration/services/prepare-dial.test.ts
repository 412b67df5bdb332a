import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeTransport } from '../../../electron/core/net/node-transport';
import { directRoutes } from '../../../electron/core/net/routes';
import { trustOnly } from '../../../electron/core/net/trust';
import { DEMO_ACCOUNT, startSimulator } from '../../../electron/simulator/server';
import { startLink } from '../../support/net/link';
import { configureAccount, invokers, realServices } from '../../support/services-parts';

const ONE_WAY = 25;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function app() {
  const sim = await startSimulator();
  // A balancer that closes connections idle for 400 ms, without a hint.
  const link = await startLink({ targetPort: sim.port, oneWayMs: ONE_WAY, idleCloseMs: 400 });
  const dir = mkdtempSync(join(tmpdir(), 'confbar-prepare-'));
  const transport = createNodeTransport({ routes: directRoutes(), trust: trustOnly([]) });
  const services = await realServices(dir, { transport });
  cleanups.push(
    () => sim.close(),
    () => link.close(),
    () => rmSync(dir, { recursive: true, force: true }),
    () => transport.dispose(),
    () => services.dispose(),
  );
  const { call } = invokers(services, () => services.settled());
  await configureAccount(call, {
    baseUrl: `http://127.0.0.1:${link.port}`,
    account: DEMO_ACCOUNT,
    mode: 'basic',
  });
  return { sim, link, services, call };
}

describe('prepareDial: the add field got focus or a key', () => {
  it('does nothing without a live call', async () => {
    const { call, link } = await app();
    expect(await call('prepareDial', {})).toEqual({ warming: false });
    expect(link.connections).toBe(0);
  });

  it('after an idle gap longer than the server keeps connections, the dial goes out at once on a fresh one', async () => {
    const { sim, link, call } = await app();
    const ucid = sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
    await call('setUcid', { text: ucid });
    await call('addParticipant', { number: '09876543210', sip: false });
    await sleep(900); // the balancer has closed the pooled connection (the client learns it 25 ms later)
    sim.clearRequests();
    expect(await call('prepareDial', {})).toEqual({ warming: true });
    // The agent is still typing; the warm-up's HEAD reaches CloudAgent and its answer comes back.
    while (!sim.requests.some((r) => r.method === 'HEAD')) await sleep(5);
    await sleep(2 * ONE_WAY);
    const before = link.connections;
    const started = performance.now();
    await call('addParticipant', { number: '09876543211', sip: false });
    const ms = performance.now() - started;
    expect(link.connections).toBe(before); // the dial rode the connection the warm-up opened
    // About one round trip (the bench measures it); a new connection would need three.
    expect(ms).toBeLessThan(3 * 2 * ONE_WAY);
    expect(link.lostAtServer).toBe(0);
  });
});
