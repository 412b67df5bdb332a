import { createMemoryLogger, type MemoryLogger } from '../../support/memory-logger';
import { createCloudAgentClient } from '../../../electron/core/cloudagent/client';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import type {
  CloudAgentClient,
  CloudAgentConfig,
  SecretSource,
} from '../../../electron/core/cloudagent/types';
import type { ApiMode } from '../../../shared/cloudagent';
import { DEMO_ACCOUNT, type Simulator } from '../../../electron/simulator/server';
import type { Transport } from '../../../electron/core/cloudagent/transport';
import { directTransport } from '../../support/transport';
export { appErrorFrom as failureOf } from '../../support/app-error';
export { fakeClock } from '../../support/clock';

export const AGENT_NUMBER = DEMO_ACCOUNT.phones['demo-phone'] as string;
export const PARTY = '09876543210';

export interface ClientSetup {
  mode: ApiMode;
  output?: 'json' | 'xml';
  secrets?: SecretSource;
  now?: () => number;
  timeoutMs?: number;
  baseUrl?: string;
  userName?: string;
  agentPhoneName?: string;
  log?: MemoryLogger;
  tokenForm?: 'bearer' | 'raw';
}

/** Clients made by `clientFor` are disposed by `disposeAll` (call it in afterEach). */
const made: CloudAgentClient[] = [];
/**
 * By default the clients of one simulator share one SecretSource, as the app and the CLI share the
 * keychain: token-mode tests then stay well inside the simulator's 10-tokens-an-hour limit.
 */
const sharedSecrets = new WeakMap<Simulator, SecretSource>();
/** One transport for every client until disposeAll, as one process (the app, a CLI run) composes one. */
let transport = directTransport();

export function sharedTransport(): Transport {
  return transport;
}

function secretsOf(sim: Simulator): SecretSource {
  let secrets = sharedSecrets.get(sim);
  if (!secrets) {
    secrets = createStaticSecrets(DEMO_ACCOUNT.apiKey);
    sharedSecrets.set(sim, secrets);
  }
  return secrets;
}

export function clientFor(
  sim: Simulator,
  setup: ClientSetup,
): { client: CloudAgentClient; log: MemoryLogger } {
  const log = setup.log ?? createMemoryLogger();
  const config: CloudAgentConfig = {
    endpoint: { baseUrl: setup.baseUrl ?? sim.url },
    mode: setup.mode,
    userName: setup.userName ?? DEMO_ACCOUNT.userName,
    did: DEMO_ACCOUNT.did,
    agentPhoneName: setup.agentPhoneName ?? 'demo-phone',
    output: setup.output ?? 'json',
    timeoutMs: setup.timeoutMs ?? 5000,
    tokenForm: setup.tokenForm,
  };
  const client = createCloudAgentClient(config, {
    secrets: setup.secrets ?? secretsOf(sim),
    transport,
    now: setup.now,
    log,
  });
  made.push(client);
  return { client, log };
}

export async function disposeAll(): Promise<void> {
  await Promise.all(made.splice(0).map((c) => c.dispose()));
  transport.dispose();
  transport = directTransport();
}

export const MIN = 60_000;

/** Requests the simulator saw on a path (case-insensitive), e.g. to count token generations. */
export function seen(sim: Simulator, path: string) {
  return sim.requests.filter((r) => r.path.toLowerCase() === path.toLowerCase());
}
