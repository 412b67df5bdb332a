import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { startSimulator } from '../electron/simulator/server';
import { openCallWithParticipant, startApp } from './app';

/** A wall clock with sub-millisecond resolution, shared by the bench and the simulator it starts. */
export const preciseNow = () => performance.timeOrigin + performance.now();

/**
 * From the handler table's `toggleMute` (what main runs for a key press) until the request has arrived
 * at the simulator on plain loopback: ConfBar's own cost per action, without the network.
 */
export async function measureCallToWire(n: number): Promise<number[]> {
  const sim = await startSimulator({ now: preciseNow });
  const app = await startApp(sim.url, 'token');
  const samples: number[] = [];
  // What main does with every event: webContents.send serialises it for the window (structured clone),
  // and the tray listens to snapshots too.
  const window = app.services.on('snapshot', (s) => void structuredClone(s));
  const tray = app.services.on('snapshot', (s) => void s.session?.participants.length);
  try {
    const id = await openCallWithParticipant(app, sim);
    for (let i = 0; i < n; i++) {
      sim.clearRequests();
      const t = preciseNow();
      await app.call('toggleMute', { id });
      await app.services.settled();
      const arrived = sim.requests.find((r) => /CallControl/i.test(r.path));
      if (!arrived) throw new Error('bench: the toggle never reached the simulator');
      samples.push(arrived.at - t);
    }
  } finally {
    window();
    tray();
    await app.close();
    await sim.close();
  }
  return samples;
}

/**
 * Control for callToWire: a bare keep-alive http.request to the simulator, timed the same way. What this
 * machine's scheduling alone adds (ConfBar's figure cannot be below it).
 */
export async function measureLoopbackFloor(n: number): Promise<number[]> {
  const sim = await startSimulator({ now: preciseNow });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      sim.clearRequests();
      const t = preciseNow();
      await new Promise<void>((resolve, reject) => {
        http
          .get(`${sim.url}/`, { agent }, (res) => {
            res.resume();
            res.on('end', resolve);
          })
          .on('error', reject);
      });
      samples.push(sim.requests[0]!.at - t);
    }
  } finally {
    agent.destroy();
    await sim.close();
  }
  return samples;
}
