import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { EventName, EventPayloads, InvokeName, InvokeInput, InvokeOutput } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/errors';
import type { ApiMode } from '../../electron/core/cloudagent/types';
import { createServices, type Services } from '../../electron/core/services';
import { createConfBackend } from '../../electron/core/settings';
import { createMemoryVault } from '../../electron/core/vault/memory-vault';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../electron/simulator/server';
import type { SimAccount } from '../../electron/simulator/types';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export interface ServicesEnv {
  sim: Simulator;
  services: Services;
  dataDir: string;
  events: Array<{ event: EventName; payload: unknown }>;
  call<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<InvokeOutput<K>>;
  fail(name: InvokeName, input: unknown): Promise<AppErrorShape>;
}

/** Real services (conf settings in a temp dir, in-memory vault) pointed at a real simulator. */
export async function servicesEnv(
  opts: { mode?: ApiMode; account?: Partial<SimAccount>; timeoutMs?: number; configure?: boolean } = {},
): Promise<ServicesEnv> {
  const account = { ...DEMO_ACCOUNT, ...opts.account };
  const sim = await startSimulator({ accounts: [account] });
  const dataDir = mkdtempSync(join(tmpdir(), 'confbar-services-'));
  const services = await createServices({
    dataDir,
    settingsBackend: createConfBackend({ cwd: join(dataDir, 'settings'), projectName: 'confbar' }),
    vault: createMemoryVault(),
  });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => sim.close());
  cleanups.push(() => services.dispose());

  const events: ServicesEnv['events'] = [];
  for (const event of ['snapshot', 'settings', 'toast', 'command', 'shortcuts'] as const) {
    services.on(event, (payload: EventPayloads[typeof event]) => events.push({ event, payload }));
  }

  async function call<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<InvokeOutput<K>> {
    const r = await services.invoke(name, input);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.kind}: ${r.error.message}`);
    return r.value as InvokeOutput<K>;
  }
  async function fail(name: InvokeName, input: unknown): Promise<AppErrorShape> {
    const r = await services.invoke(name, input);
    if (r.ok) throw new Error(`${name} unexpectedly succeeded`);
    return r.error;
  }

  if (opts.configure !== false) {
    await call('updateSettings', {
      patch: {
        account: {
          baseUrl: sim.url,
          region: 'in',
          mode: opts.mode ?? 'token',
          userName: account.userName,
          did: account.did,
          agentPhoneName: 'demo-phone',
          agentNumber: account.phones['demo-phone']!,
          timeoutMs: opts.timeoutMs ?? 3000,
        },
      },
    });
    await call('setKey', { apiKey: account.apiKey });
  }
  return { sim, services, dataDir, events, call, fail };
}
