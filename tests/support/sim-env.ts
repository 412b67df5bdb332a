import { afterEach } from 'vitest';
import { createCloudAgentClient } from '../../electron/core/cloudagent/client';
import { createStaticSecrets } from '../../electron/core/cloudagent/static-secrets';
import { directTransport } from './transport';
import type { CloudAgentClient, CloudAgentConfig, SecretSource } from '../../electron/core/cloudagent/types';
import type { ApiMode } from '../../shared/cloudagent';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../electron/simulator/server';
export { fakeClock } from './clock';

export { actionsSent } from './sim-requests';

export const AGENT_NUMBER = DEMO_ACCOUNT.phones['demo-phone']!;

const open: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

/** A simulator closed after the current test. */
export async function simulator(opts: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  const sim = await startSimulator(opts);
  open.push(sim);
  return sim;
}

/** A real client for the demo account of `sim`. */
export function demoClient(
  sim: Simulator,
  mode: ApiMode,
  opts: {
    timeoutMs?: number;
    now?: () => number;
    secrets?: SecretSource;
    /** Settings that differ from the demo account's (e.g. an empty DID). */
    config?: Partial<CloudAgentConfig>;
  } = {},
): CloudAgentClient {
  const client = createCloudAgentClient(
    {
      endpoint: { baseUrl: sim.url },
      mode,
      userName: DEMO_ACCOUNT.userName,
      did: DEMO_ACCOUNT.did,
      agentPhoneName: 'demo-phone',
      output: 'json',
      timeoutMs: opts.timeoutMs ?? 2000,
      ...opts.config,
    },
    {
      secrets: opts.secrets ?? createStaticSecrets(DEMO_ACCOUNT.apiKey),
      now: opts.now,
      transport: directTransport(),
    },
  );
  open.push({ close: () => client.dispose() });
  return client;
}
