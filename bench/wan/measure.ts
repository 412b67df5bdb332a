import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { buildCallControl } from '../../electron/core/cloudagent/call-control';
import { checkConfig } from '../../electron/core/cloudagent/config';
import { benchTransport } from './transport';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../electron/simulator/server';
import { PARTICIPANT, openCallWithParticipant, sleep, startApp, until, type App } from '../app';
import { makeBenchCerts, type BenchCerts } from './certs';
import { startDelayProxy, type DelayProxy } from './delay-proxy';
import { naiveRequest } from './naive-client';
import { startTlsFront, type TlsFront } from '../../tests/support/net/tls-front';

/** The simulator over TLS behind the delaying relay: https://127.0.0.1:<relay port>. */
interface Link {
  sim: Simulator;
  front: TlsFront;
  proxy: DelayProxy;
  url: string;
  close(): Promise<void>;
}

async function startLink(certs: BenchCerts, rttMs: number): Promise<Link> {
  const sim = await startSimulator();
  const front = await startTlsFront(sim.port, certs);
  const proxy = await startDelayProxy(front.port, rttMs);
  return {
    sim,
    front,
    proxy,
    url: `https://127.0.0.1:${proxy.port}`,
    async close() {
      await proxy.close();
      await front.close();
      await sim.close();
    },
  };
}

export interface WanFigures {
  rttMs: number;
  /** Samples in milliseconds. */
  firstCold: number[];
  firstWarmed: number[];
  steady: number[];
  tokenFirstWarmed: number[];
  naive: number[];
  /** Control: the same request on one kept-alive connection with a bare Node agent. */
  floor: number[];
  connectionsPer100Actions: number;
  tokenGenerationsPer100TokenActions: number;
}

/**
 * One action as the agent feels it: from the request to main until the toolbar is sent the snapshot in
 * which the action is no longer pending (CloudAgent's answer is in). Bookkeeping main does after that
 * (history, recent numbers) is not on the agent's clock.
 */
export async function timedAction(app: App, run: () => Promise<unknown>): Promise<number> {
  let sawPending = false;
  let answeredAt = 0;
  const off = app.services.on('snapshot', (snap) => {
    const pending = snap.session?.participants.some((p) => p.pending !== null) ?? false;
    if (pending) sawPending = true;
    else if (sawPending && answeredAt === 0) answeredAt = performance.now();
  });
  const t = performance.now();
  try {
    await run();
    await app.services.settled();
    await until(() => answeredAt > 0, 1000);
  } finally {
    off();
  }
  return answeredAt - t;
}

/** The warm-up has finished once its last request was answered (and the answer crossed back). */
async function warmUpDone(link: Link, mode: 'basic' | 'token'): Promise<void> {
  const path = mode === 'token' ? /generateToken/i : /^\/$/;
  await until(() => link.sim.requests.some((r) => path.test(r.path)));
  await sleep(link.proxy.rttMs / 2 + 15);
}

/** The first CONFERENCE of a call on a fresh app (a fresh connection pool), cold or after warm-up. */
async function firstAction(
  certs: BenchCerts,
  rttMs: number,
  mode: 'basic' | 'token',
  warmed: boolean,
): Promise<number> {
  const link = await startLink(certs, rttMs);
  const app = await startApp(link.url, mode, benchTransport(certs));
  try {
    const ucid = link.sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
    await app.call('setUcid', { text: ucid });
    if (warmed) await warmUpDone(link, mode);
    return await timedAction(app, () => app.call('addParticipant', { number: PARTICIPANT, sip: false }));
  } finally {
    await app.close();
    await link.close();
  }
}

/**
 * ConfBar's figures over the long link, with a connection-per-action client (what a curl script does)
 * taking turns with it on the same link, in the same process.
 */
export async function measureWan(opts: {
  rttMs: number;
  rounds: number;
  steady: number;
}): Promise<WanFigures> {
  const certs = await makeBenchCerts();
  const { rttMs, rounds } = opts;
  const firstCold: number[] = [];
  const firstWarmed: number[] = [];
  const tokenFirstWarmed: number[] = [];
  for (let i = 0; i < rounds; i++) {
    firstCold.push(await firstAction(certs, rttMs, 'basic', false));
    firstWarmed.push(await firstAction(certs, rttMs, 'basic', true));
    tokenFirstWarmed.push(await firstAction(certs, rttMs, 'token', true));
  }

  // Steady state, connections per 100 actions, and the naive client, taking turns.
  const link = await startLink(certs, rttMs);
  const app = await startApp(link.url, 'basic', benchTransport(certs));
  const steady: number[] = [];
  const naive: number[] = [];
  const floor: number[] = [];
  const floorAgent = new https.Agent({ keepAlive: true, maxSockets: 1, ca: certs.caCert });
  let connectionsPer100Actions: number;
  try {
    const socketsBefore = link.front.simulatorSockets;
    const ucid = link.sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
    await app.call('setUcid', { text: ucid });
    await warmUpDone(link, 'basic');
    const snap = await app.call('addParticipant', { number: PARTICIPANT, sip: false });
    await app.services.settled();
    const id = snap.session!.participants[0]!.id;
    let actions = 1;
    const ctx = checkConfig({
      endpoint: { baseUrl: link.url },
      mode: 'basic',
      userName: DEMO_ACCOUNT.userName,
      did: DEMO_ACCOUNT.did,
      agentPhoneName: 'demo-phone',
      output: 'json',
      timeoutMs: 8000,
    });
    const naiveSockets = { before: 0, after: 0 };
    for (let i = 0; actions < 100; i++) {
      steady.push(await timedAction(app, () => app.call('toggleMute', { id })));
      actions++;
      if (naive.length < opts.steady) {
        // The same request ConfBar sends, on a connection of its own.
        const req = buildCallControl(
          ctx,
          { action: i % 2 ? 'MUTE' : 'UNMUTE', ucid, conferenceNumber: PARTICIPANT },
          { apiKey: DEMO_ACCOUNT.apiKey },
        );
        naiveSockets.before = link.front.simulatorSockets;
        const sent = {
          url: req.url.toString(),
          ca: certs.caCert,
          method: req.method as 'POST',
          headers: req.headers,
          body: req.body,
        };
        const r = await naiveRequest(sent);
        if (!/success/i.test(r.body)) throw new Error(`naive request failed: ${r.body.slice(0, 80)}`);
        naive.push(r.ms);
        const f = await naiveRequest({ ...sent, agent: floorAgent });
        if (i > 0) floor.push(f.ms); // the first one opens the connection
        naiveSockets.after += link.front.simulatorSockets - naiveSockets.before;
      }
    }
    const confbarSockets = link.front.simulatorSockets - socketsBefore - naiveSockets.after;
    connectionsPer100Actions = (confbarSockets / actions) * 100;
  } finally {
    floorAgent.destroy();
    await app.close();
    await link.close();
  }

  // Token generations per 100 token-mode actions, from a fresh app.
  const tokenLink = await startLink(certs, rttMs);
  const tokenApp = await startApp(tokenLink.url, 'token', benchTransport(certs));
  let tokenGenerationsPer100TokenActions: number;
  try {
    const id = await openCallWithParticipant(tokenApp, tokenLink.sim);
    for (let i = 1; i < 100; i++) await timedAction(tokenApp, () => tokenApp.call('toggleMute', { id }));
    const generations = tokenLink.sim.requests.filter((r) => /generateToken/i.test(r.path)).length;
    tokenGenerationsPer100TokenActions = generations;
  } finally {
    await tokenApp.close();
    await tokenLink.close();
  }

  return {
    rttMs,
    firstCold,
    firstWarmed,
    steady,
    tokenFirstWarmed,
    naive,
    floor,
    connectionsPer100Actions,
    tokenGenerationsPer100TokenActions,
  };
}
