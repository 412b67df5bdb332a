/**
 * The network figures of issue 17 over the same WAN model as measure.ts (every chunk +RTT/2 each way, a
 * connection's first bytes one RTT later): through an HTTP proxy, a dial after the server closed the idle
 * connection, the first action after a resume, and 200 dials against a balancer that closes idle
 * connections without a hint.
 */
import { demoClientOver } from '../../tests/support/net/demo-client';
import type { RouteSource, Transport } from '../../electron/core/cloudagent/transport';
import { createNodeTransport } from '../../electron/core/net/node-transport';
import { cliRoutes, directRoutes } from '../../electron/core/net/routes';
import { trustOnly } from '../../electron/core/net/trust';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../electron/simulator/server';
import { makeCa, makeLeaf } from '../../tests/support/net/certs';
import { startConnectProxy } from '../../tests/support/net/connect-proxy';
import { startLink, type Link } from '../../tests/support/net/link';
import { loopbackLookup } from '../../tests/support/net/lookup';
import { startTlsFront, type TlsFront } from '../../tests/support/net/tls-front';
import { actionsSent } from '../../tests/support/sim-requests';
import { PARTICIPANT, sleep, startApp, until, type App } from '../app';
import { timedAction } from './measure';

/** A name, not loopback: loopback always goes direct, and the proxy must be on the route. */
const HOST = 'cloudagent.bench';

/** CloudAgent over TLS (a CA made for the run), and a way to build an app's transport for it. */
interface Far {
  sim: Simulator;
  front: TlsFront;
  transport(routes?: RouteSource, credentials?: ReturnType<typeof cliRoutes>['credentials']): Transport;
  newCall(): string;
  close(): Promise<void>;
}

export async function startFar(): Promise<Far> {
  const ca = await makeCa('ConfBar bench CA (throwaway)');
  const sim = await startSimulator();
  const front = await startTlsFront(sim.port, await makeLeaf(ca, [HOST]));
  const trust = trustOnly([ca.cert], 'bench CA');
  const lookup = loopbackLookup([HOST]);
  return {
    sim,
    front,
    transport: (routes = directRoutes(), credentials) =>
      createNodeTransport({ routes, credentials, trust, lookup }),
    newCall: () => sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' }),
    async close() {
      await front.close();
      await sim.close();
    },
  };
}

/** An app on `link` with a live call; waits for setUcid's warm-up to be answered. */
async function appOn(far: Far, link: Link, transport: Transport, rttMs: number): Promise<App> {
  const app = await startApp(`https://${HOST}:${link.port}`, 'basic', transport);
  far.sim.clearRequests();
  await app.call('setUcid', { text: far.newCall() });
  await until(() => far.sim.requests.some((r) => r.path === '/'));
  await sleep(rttMs / 2 + 15);
  return app;
}

/** Steady toggles through a proxy next to the agent, CloudAgent one RTT behind it; tunnels per 100 actions. */
export async function measureProxy(
  far: Far,
  rttMs: number,
): Promise<{ steady: number[]; connectionsPer100: number }> {
  const link = await startLink({ targetPort: far.front.port, oneWayMs: rttMs / 2 });
  const proxy = await startConnectProxy({ kind: 'tunnel' });
  const routed = cliRoutes({ env: { HTTPS_PROXY: proxy.url } });
  const transport = far.transport(routed.routes, routed.credentials);
  const app = await appOn(far, link, transport, rttMs);
  const steady: number[] = [];
  try {
    const snap = await app.call('addParticipant', { number: PARTICIPANT, sip: false });
    await app.services.settled();
    const id = snap.session!.participants[0]!.id;
    for (let actions = 1; actions < 100; actions++) {
      steady.push(await timedAction(app, () => app.call('toggleMute', { id })));
    }
    return { steady, connectionsPer100: proxy.connects.length };
  } finally {
    await app.close();
    transport.dispose();
    await proxy.close();
    await link.close();
  }
}

/**
 * A number typed after an idle gap longer than the server keeps connections (1.5 s > 1 s, no hint):
 * focusing the field and typing warm the connection (prepareDial); the dial then goes out at once.
 */
export async function measureDialAfterServerIdle(
  far: Far,
  rttMs: number,
  samples: number,
): Promise<number[]> {
  const link = await startLink({ targetPort: far.front.port, oneWayMs: rttMs / 2, idleCloseMs: 1000 });
  const transport = far.transport();
  const app = await appOn(far, link, transport, rttMs);
  const out: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      await sleep(1500);
      await app.call('prepareDial', {}); // focus on the add field
      await sleep(400); // the agent types the number
      const number = `0987654${String(3200 + i)}`;
      out.push(await timedAction(app, () => app.call('addParticipant', { number, sip: false })));
    }
    return out;
  } finally {
    await app.close();
    transport.dispose();
    await link.close();
  }
}

/**
 * The first action after a resume: the link silently dropped every connection, main's resume hook reset
 * the transport, and the action goes out at once on a fresh connection (TCP + TLS + request).
 */
export async function measureActionAfterResume(far: Far, rttMs: number, samples: number): Promise<number[]> {
  const link = await startLink({ targetPort: far.front.port, oneWayMs: rttMs / 2 });
  const transport = far.transport();
  const app = await appOn(far, link, transport, rttMs);
  const out: number[] = [];
  try {
    const snap = await app.call('addParticipant', { number: PARTICIPANT, sip: false });
    await app.services.settled();
    const id = snap.session!.participants[0]!.id;
    for (let i = 0; i < samples; i++) {
      link.blackhole();
      transport.reset(); // powerMonitor 'resume'
      out.push(await timedAction(app, () => app.call('toggleMute', { id })));
      await sleep(rttMs);
    }
    return out;
  } finally {
    await app.close();
    transport.dispose();
    await link.close();
  }
}

/**
 * 200 dials against a balancer closing connections idle for 150 ms without a hint (5 ms each way), each
 * after a toggle and a gap spread over the 20 ms before the limit, where a plain pool loses about half.
 */
export async function measureStaleDials(): Promise<{ failed: number; doubleDials: number }> {
  const sim = await startSimulator();
  const link = await startLink({ targetPort: sim.port, oneWayMs: 5, idleCloseMs: 150 });
  const transport = createNodeTransport({ routes: directRoutes(), trust: trustOnly([]) });
  const client = demoClientOver(`http://127.0.0.1:${link.port}`, transport);
  let failed = 0;
  try {
    const ucid = sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTICIPANT });
    await sleep(250); // the balancer closes the idle connection once before the dials
    for (let i = 0; i < 200; i++) {
      await client.callControl({ action: i % 2 ? 'UNMUTE' : 'MUTE', ucid, conferenceNumber: PARTICIPANT });
      await sleep(130 + (i % 12) * (20 / 12));
      const number = `09${String(700_000_000 + i)}`;
      await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: number }).catch(() => {
        failed += 1;
      });
    }
    const dials = actionsSent(sim).filter((a) => a.startsWith('CONFERENCE 097'));
    return { failed, doubleDials: dials.length - new Set(dials).size };
  } finally {
    await client.dispose();
    transport.dispose();
    await link.close();
    await sim.close();
  }
}
