import type { LookupFunction } from 'node:net';
import type { Region } from '../../shared/phone';
import type { Settings } from '../../shared/settings';
import { configFromAccount } from '../core/app/account-config';
import { createCloudAgentClient } from '../core/cloudagent/client';
import { resolveBaseUrl } from '../core/cloudagent/hosts';
import type { Transport } from '../core/cloudagent/transport';
import type { CloudAgentClient, CloudAgentConfig } from '../core/cloudagent/types';
import type { Logger } from '../core/log';
import { accountId } from '../core/vault/account-id';
import { createKeytarVault } from '../core/vault/keytar-vault';
import type { Vault } from '../core/vault/types';
import { usageError, type OptionValues } from './args';
import { loadSavedSettings } from './saved-settings';
import { createCliTransport } from './network';
import { createCliSecrets, type CliSecrets } from './secrets';

export type Account = Settings['account'];

/** Everything a command needs, built from the saved settings with the command line laid over them. */
export interface CliContext {
  account: Account;
  /** Settings the admin policy sets (dotted paths, e.g. `account.callLimit`). */
  locked: string[];
  config: CloudAgentConfig;
  region: Region;
  /** CONFBAR_API_KEY, when set. */
  envKey: string | null;
  /** The OS keychain, opened on first use. */
  vault(): Vault;
  /** The keychain account `user@host`; throws InvalidInput without a user name. */
  vaultAccount(): string;
  secrets: CliSecrets;
  /** How CloudAgent is reached: --proxy/--no-proxy/--ca-file and the environment. */
  transport: Transport;
  /** One client per run, made on first use. */
  client(): CloudAgentClient;
  dispose(): Promise<void>;
}

export interface ContextOptions {
  values: OptionValues;
  env: NodeJS.ProcessEnv;
  note: (message: string) => void;
  /** Opens the OS keychain (default: keytar's). */
  openVault?: () => Vault;
  /** Tests resolve their host names in-process. */
  lookup?: LookupFunction;
}

const oneOf = <T extends string>(name: string, value: string, allowed: readonly T[]): T => {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(
    `--${name} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')} (got "${value}").`,
  );
};

function timeoutFrom(value: string): number {
  const ms = Number(value);
  if (!/^\d+$/.test(value.trim()) || ms < 1 || ms > 120_000) {
    throw usageError(
      `--timeout-ms must be a whole number of milliseconds from 1 to 120000 (got "${value}").`,
    );
  }
  return ms;
}

/** The saved account with the options given on the command line laid over it. Throws InvalidInput. */
export function applyOverrides(saved: Account, v: OptionValues): Account {
  const a: Account = { ...saved };
  if (v.region !== undefined) {
    a.region = oneOf('region', v.region, ['in', 'intl'] as const);
    // --region alone means the region's own host; with --base-url it only sets the number format.
    if (v['base-url'] === undefined) a.baseUrl = null;
  }
  if (v['base-url'] !== undefined) a.baseUrl = v['base-url'].trim();
  if (v.mode !== undefined) a.mode = oneOf('mode', v.mode, ['legacy', 'basic', 'token'] as const);
  if (v.output !== undefined) a.output = oneOf('output', v.output, ['json', 'xml'] as const);
  if (v['token-form'] !== undefined)
    a.tokenForm = oneOf('token-form', v['token-form'], ['bearer', 'raw'] as const);
  if (v['timeout-ms'] !== undefined) a.timeoutMs = timeoutFrom(v['timeout-ms']);
  if (v.user !== undefined) a.userName = v.user.trim();
  if (v.did !== undefined) a.did = v.did.trim();
  if (v['agent-phone-name'] !== undefined) a.agentPhoneName = v['agent-phone-name'].trim();
  if (v['agent-number'] !== undefined) a.agentNumber = v['agent-number'].trim();
  if (v.campaign !== undefined) a.campaignName = v.campaign.trim();
  return a;
}

export function createContext(opts: ContextOptions): CliContext {
  const saved = loadSavedSettings(opts.env);
  saved.notes.forEach((n) => opts.note(`settings: ${n}`));
  if (saved.exists) opts.note(`settings: read ${saved.file}`);
  const account = applyOverrides(saved.settings.account, opts.values);
  const config = configFromAccount(account);
  const envKey = opts.env.CONFBAR_API_KEY?.trim() || null;

  let vault: Vault | null = null;
  const openVault = (): Vault => (vault ??= opts.openVault?.() ?? createKeytarVault());
  const baseUrl = () => resolveBaseUrl(config.endpoint);
  const vaultAccount = () => accountId(account.userName, baseUrl());
  const secrets = createCliSecrets({ envKey, vault: openVault, account: vaultAccount, note: opts.note });
  const log: Logger = {
    debug: () => {},
    info: (msg) => opts.note(msg),
    warn: (msg) => opts.note(msg),
    error: (msg) => opts.note(msg),
  };

  const transport = createCliTransport({ values: opts.values, env: opts.env, log, lookup: opts.lookup });
  let client: CloudAgentClient | null = null;
  return {
    account,
    locked: saved.locked,
    config,
    region: account.region,
    envKey,
    vault: openVault,
    vaultAccount,
    secrets,
    transport,
    client: () => (client ??= createCloudAgentClient(config, { secrets: secrets.source, log, transport })),
    async dispose() {
      await client?.dispose();
      transport.dispose();
    },
  };
}
