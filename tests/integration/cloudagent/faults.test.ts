import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMode } from '../../../shared/cloudagent';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import {
  DEMO_ACCOUNT,
  startSimulator,
  type SimFault,
  type Simulator,
} from '../../../electron/simulator/server';
import { PARTY, clientFor, disposeAll, failureOf } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(async () => {
  sim.clearFaults();
  await disposeAll();
});

const CALL_PATH = /callcontrol/i;

describe.each(['legacy', 'basic', 'token'] as ApiMode[])('faults, %s mode', (mode) => {
  it('a slow answer within the timeout is fine', async () => {
    const { client } = clientFor(sim, { mode, timeoutMs: 3000 });
    const ucid = sim.createCall();
    sim.injectFault({ kind: 'latency', ms: 150 }, { path: CALL_PATH });
    const r = await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    expect(r.message).toBe('dialing');
    expect(sim.getCall(ucid)?.participants.get(PARTY)?.state).toBe('connected');
  });

  it('no answer → Timeout', async () => {
    const { client } = clientFor(sim, { mode, timeoutMs: 250 });
    sim.injectFault({ kind: 'noAnswer' }, { path: CALL_PATH });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    expect(e.kind).toBe('Timeout');
    expect(e.message).toBe('CloudAgent did not answer within 250 ms.');
  });

  it('a reset connection → Network', async () => {
    const { client } = clientFor(sim, { mode });
    sim.injectFault({ kind: 'reset' }, { path: CALL_PATH });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    expect(e.kind).toBe('Network');
    expect(e.message).toMatch(/reset|closed/);
  });

  it.each<[SimFault, RegExp]>([
    [{ kind: 'html5xx' }, /^CloudAgent answered HTTP 502 with an HTML page \(a proxy error\?\)\.$/],
    [{ kind: 'html5xx', status: 503 }, /HTTP 503 with an HTML page/],
    [{ kind: 'malformed' }, /cut off or not valid JSON \("\{"status":"Succ"\)/],
    [{ kind: 'empty' }, /empty body/],
  ])('%j → BadResponse', async (fault, message) => {
    const { client } = clientFor(sim, { mode });
    sim.injectFault(fault, { path: CALL_PATH });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    expect(e.kind).toBe('BadResponse');
    expect(e.message).toMatch(message);
  });

  it('the next request after a fault works again', async () => {
    const { client } = clientFor(sim, { mode });
    const ucid = sim.createCall();
    sim.injectFault({ kind: 'reset' }, { path: CALL_PATH });
    await failureOf(client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY }));
    await expect(
      client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY }),
    ).resolves.toMatchObject({
      message: 'dialing',
    });
  });
});

describe('token generation faults', () => {
  it('a garbled generateToken answer → BadResponse, and counts against the budget', async () => {
    const { client } = clientFor(sim, { mode: 'token', secrets: createStaticSecrets(DEMO_ACCOUNT.apiKey) });
    sim.injectFault({ kind: 'malformed' }, { path: /generateToken/i });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    expect(e.kind).toBe('BadResponse');
    expect(client.tokenBudget().used).toBe(1);
  });
});

describe('cancellation and unreachable hosts', () => {
  it('an aborted request rejects with the signal’s reason', async () => {
    const { client } = clientFor(sim, { mode: 'basic', timeoutMs: 5000 });
    sim.injectFault({ kind: 'noAnswer' }, { path: CALL_PATH });
    const controller = new AbortController();
    const reason = new Error('the agent left the call');
    const pending = client.callControl(
      { action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
  });

  it('an already aborted signal sends nothing', async () => {
    const { client } = clientFor(sim, { mode: 'legacy' });
    sim.clearRequests();
    const controller = new AbortController();
    controller.abort();
    const ucid = sim.createCall();
    await expect(
      client.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY }, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(sim.requests).toHaveLength(0);
  });

  it('connection refused → Network', async () => {
    const port = await closedPort();
    const { client } = clientFor(sim, { mode: 'legacy', baseUrl: `http://127.0.0.1:${port}` });
    const e = await failureOf(client.callControl({ action: 'HOLD', ucid: '1234', conferenceNumber: PARTY }));
    expect(e.kind).toBe('Network');
    expect(e.message).toBe(`Could not connect to 127.0.0.1:${port} (connection refused).`);
  });

  it('warm() against an unreachable host resolves quietly', async () => {
    const port = await closedPort();
    const { client, log } = clientFor(sim, { mode: 'legacy', baseUrl: `http://127.0.0.1:${port}` });
    await expect(client.warm()).resolves.toBeUndefined();
    expect(log.entries.some((e) => /warm-up .* failed/.test(e.msg))).toBe(true);
  });
});

/** A loopback port nobody listens on: bind one, note it, close it. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
