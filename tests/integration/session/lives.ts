import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Services } from '../../../electron/core/services';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/server';
import { killableIo, type KillableIo } from '../../support/killable-io';
import { configureAccount, invokers, realServices, type Invokers } from '../../support/services-parts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export interface Life extends Invokers {
  services: Services;
  io: KillableIo;
}

/** One run of ConfBar on a data folder: the real services, a journal that can be killed, the key stored. */
export async function life(sim: Simulator, dataDir: string, first: boolean): Promise<Life> {
  const io = killableIo();
  const services = await realServices(dataDir, { journalIo: io });
  // A dead life is disposed only to free its sockets: its journal operations all fail by then.
  cleanups.push(() => services.dispose());
  const { call, fail } = invokers(services);
  if (first) await configureAccount(call, { baseUrl: sim.url, account: DEMO_ACCOUNT, timeoutMs: 1000 });
  // The keychain of these tests lives in memory: a new life stores the key again (the settings file stays).
  else await call('setKey', { apiKey: DEMO_ACCOUNT.apiKey });
  return { services, io, call, fail };
}

export async function world(): Promise<{ sim: Simulator; dataDir: string; ucid: string }> {
  const sim = await startSimulator({ accounts: [DEMO_ACCOUNT] });
  const dataDir = mkdtempSync(join(tmpdir(), 'confbar-lives-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => sim.close());
  const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
  return { sim, dataDir, ucid };
}

export function journalOnDisk(dataDir: string): boolean {
  return existsSync(join(dataDir, 'session', 'session.json'));
}

/** Polls until `check` holds. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}
