import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { EventName, EventPayloads } from '../../shared/contract';
import type { ApiMode } from '../../shared/cloudagent';
import type { Services } from '../../electron/core/services';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../electron/simulator/server';
import type { SimAccount } from '../../electron/simulator/types';
import { configureAccount, invokers, realServices, type Invokers } from './services-parts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export interface ServicesEnv extends Invokers {
  sim: Simulator;
  services: Services;
  dataDir: string;
  events: Array<{ event: EventName; payload: unknown }>;
}

/** Real services (conf settings in a temp dir, in-memory vault) pointed at a real simulator. */
export async function servicesEnv(
  opts: { mode?: ApiMode; account?: Partial<SimAccount>; timeoutMs?: number; configure?: boolean } = {},
): Promise<ServicesEnv> {
  const account = { ...DEMO_ACCOUNT, ...opts.account };
  const sim = await startSimulator({ accounts: [account] });
  const dataDir = mkdtempSync(join(tmpdir(), 'confbar-services-'));
  const services = await realServices(dataDir);
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => sim.close());
  cleanups.push(() => services.dispose());

  const events: ServicesEnv['events'] = [];
  for (const event of ['snapshot', 'settings', 'toast', 'command', 'shortcuts'] as const) {
    services.on(event, (payload: EventPayloads[typeof event]) => events.push({ event, payload }));
  }

  const { call, fail } = invokers(services);
  if (opts.configure !== false)
    await configureAccount(call, { baseUrl: sim.url, account, mode: opts.mode, timeoutMs: opts.timeoutMs });
  return { sim, services, dataDir, events, call, fail };
}
