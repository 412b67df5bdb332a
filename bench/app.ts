import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiMode } from '../shared/cloudagent';
import type { Services } from '../electron/core/services';
import { DEMO_ACCOUNT, type Simulator } from '../electron/simulator/server';
import type { Snapshot } from '../shared/session';
import type { Transport } from '../electron/core/cloudagent/transport';
import { configureAccount, invokers, realServices, type Invokers } from '../tests/support/services-parts';

/** A participant number the simulator's India instance accepts. */
export const PARTICIPANT = '09811112222';

export interface App extends Invokers {
  services: Services;
  /** The app's data folder (settings, history, session journal). */
  dir: string;
  close(): Promise<void>;
}

/** The app's real composition root (settings on disk, in-memory vault) pointed at `baseUrl`. */
export async function startApp(baseUrl: string, mode: ApiMode, transport?: Transport): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'confbar-bench-'));
  const services = await realServices(dir, { transport });
  const { call, fail } = invokers(services);
  await configureAccount(call, { baseUrl, account: DEMO_ACCOUNT, mode, timeoutMs: 8000 });
  return {
    services,
    dir,
    call,
    fail,
    async close() {
      await services.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a live call in the simulator and in the app; returns the participant's id once dialled. */
export async function openCallWithParticipant(app: App, sim: Simulator): Promise<string> {
  const ucid = sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
  await app.call('setUcid', { text: ucid });
  const snap: Snapshot = await app.call('addParticipant', { number: PARTICIPANT, sip: false });
  await app.services.settled();
  return snap.session!.participants[0]!.id;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves once `test` holds, checking every millisecond or so; fails after `timeoutMs`. */
export async function until(test: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!test()) {
    if (performance.now() > end) throw new Error('bench: timed out waiting for a condition');
    await sleep(1);
  }
}
