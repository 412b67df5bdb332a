import { join } from 'node:path';
import type { InvokeInput, InvokeName, InvokeOutput } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/errors';
import type { ApiMode } from '../../shared/cloudagent';
import { createServices, type Services, type ServicesOptions } from '../../electron/core/services';
import { createConfBackend } from '../../electron/core/settings/conf-backend';
import type { PolicySource } from '../../electron/core/settings/policy';
import { createMemoryVault } from '../../electron/core/vault/memory-vault';
import { directTransport } from './transport';
import { startDemoSimulator } from '../../electron/simulator/demo';
import type { SimAccount } from '../../electron/simulator/types';

// The pieces every test of the real services builds the same way. No test hooks here: the integration
// env (services-env.ts) and the browser harness each own their cleanup.

export interface Invokers {
  /** Invoke as main would, throwing on an error result. */
  call<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<InvokeOutput<K>>;
  /** Invoke something that must fail; returns its error. */
  fail(name: InvokeName, input: unknown): Promise<AppErrorShape>;
}

/** `call` and `fail` over `services.invoke`; `after` runs once each answer is in (before it is judged). */
export function invokers(
  services: Pick<Services, 'invoke'>,
  after: () => Promise<void> = async () => undefined,
): Invokers {
  async function call<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<InvokeOutput<K>> {
    const r = await services.invoke(name, input);
    await after();
    if (!r.ok) throw new Error(`${name} failed: ${r.error.kind}: ${r.error.message}`);
    return r.value as InvokeOutput<K>;
  }
  async function fail(name: InvokeName, input: unknown): Promise<AppErrorShape> {
    const r = await services.invoke(name, input);
    await after();
    if (r.ok) throw new Error(`${name} unexpectedly succeeded`);
    return r.error;
  }
  return { call, fail };
}

/** The real composition root with conf settings under `dataDir` and an in-memory vault. */
export function realServices(
  dataDir: string,
  opts: {
    policy?: PolicySource;
    shell?: ServicesOptions['shell'];
    log?: ServicesOptions['log'];
    journalIo?: ServicesOptions['journalIo'];
    /** Default: direct, trusting nothing extra (the loopback simulator speaks plain HTTP). */
    transport?: ServicesOptions['transport'];
  } = {},
): Promise<Services> {
  return createServices({
    dataDir,
    settingsBackend: createConfBackend({ cwd: join(dataDir, 'settings'), projectName: 'confbar' }),
    vault: createMemoryVault(),
    policy: opts.policy,
    shell: opts.shell,
    log: opts.log,
    journalIo: opts.journalIo,
    startDemo: () => startDemoSimulator(),
    transport: opts.transport ?? directTransport(),
  });
}

/** Points the services at a simulator account (region 'in', the account's demo phone) and stores its key. */
export async function configureAccount(
  call: Invokers['call'],
  opts: { baseUrl: string; account: SimAccount; mode?: ApiMode; timeoutMs?: number },
): Promise<void> {
  const { account } = opts;
  await call('updateSettings', {
    patch: {
      account: {
        baseUrl: opts.baseUrl,
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
