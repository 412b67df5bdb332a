import { AppError } from '../../../shared/errors';
import type { SettingsView } from '../../../shared/settings';
import { createCloudAgentClient } from '../cloudagent/client';
import { resolveBaseUrl } from '../cloudagent/hosts';
import { createStaticSecrets } from '../cloudagent/static-secrets';
import type { CloudAgentClient, CloudAgentConfig, SecretSource } from '../cloudagent/types';
import type { Transport } from '../cloudagent/transport';
import type { Logger } from '../log';
import type { SettingsStore } from '../settings/store';
import { accountId } from '../vault/account-id';
import type { Vault } from '../vault/types';
import { configFromAccount, missingAccountFields } from './account-config';
import type { DemoRunner } from './demo';

export type KeyStatus = { stored: boolean; where: string; account: string | null };

/**
 * The account in force and what hangs off it: the saved account or, while demo mode is on, the demo
 * simulator's; the keychain entry it names; the one CloudAgent client for it (rebuilt only when the
 * account changes); whether its key is stored.
 */
export interface AccountContext {
  /** The latest settings view (kept, not cloned per read: the engine reads it on every key press). */
  view(): SettingsView;
  saved(): SettingsView['settings']['account'];
  active(): SettingsView['settings']['account'];
  demoOn(): boolean;
  /** The keychain account (`userName@host`); InvalidInput without a user name. */
  vaultAccount(): string;
  secrets(): SecretSource;
  client(): CloudAgentClient;
  /**
   * Drops the client, e.g. after the key changed (its token manager holds the old key), and disposes it:
   * its warm-up must not generate a token that supersedes the next client's.
   */
  resetClient(): void;
  /** What Settings still lacks (the app also needs a user name in legacy mode: it names the key). */
  gaps(): string[];
  keyKnown(): boolean;
  refreshKeyKnown(): Promise<void>;
  keyStatus(): Promise<KeyStatus>;
  dispose(): Promise<void>;
}

export function createAccountContext(deps: {
  settings: SettingsStore;
  vault: Vault;
  demo: DemoRunner;
  now: () => number;
  log: Logger;
  transport: Transport;
}): AccountContext {
  const { settings, vault, demo, now, log, transport } = deps;
  let current = settings.get();
  settings.onChange((view) => (current = view));
  const saved = () => current.settings.account;

  function active() {
    const d = demo.running;
    if (!d) return saved();
    return {
      ...saved(),
      ...d.account,
      baseUrl: d.account.baseUrl,
      region: d.account.region,
      mode: saved().mode,
    };
  }

  function vaultAccount(): string {
    const a = saved();
    if (!a.userName.trim()) {
      throw new AppError(
        'InvalidInput',
        'Enter your CloudAgent user name in Settings first: the key is stored for it.',
      );
    }
    return accountId(a.userName.trim(), resolveBaseUrl(configFromAccount(a).endpoint));
  }

  function secrets(): SecretSource {
    const d = demo.running;
    return d ? createStaticSecrets(d.apiKey) : vault.secretsFor(vaultAccount());
  }

  let cached: { key: string; client: CloudAgentClient } | null = null;
  function client(): CloudAgentClient {
    const config: CloudAgentConfig = configFromAccount(active());
    const key = JSON.stringify({ config, demo: demo.running?.account.baseUrl ?? null });
    if (cached?.key !== key) {
      void cached?.client.dispose();
      cached = { key, client: createCloudAgentClient(config, { secrets: secrets(), now, log, transport }) };
    }
    return cached.client;
  }

  let keyKnown = false;
  async function keyStored(): Promise<boolean> {
    try {
      return await vault.hasApiKey(vaultAccount());
    } catch {
      return false;
    }
  }

  return {
    view: () => current,
    saved,
    active,
    demoOn: () => demo.running !== null,
    vaultAccount,
    secrets,
    client,
    resetClient() {
      void cached?.client.dispose();
      cached = null;
    },
    gaps() {
      const gaps = missingAccountFields(saved());
      return saved().userName.trim() || gaps.includes('user name') ? gaps : ['user name', ...gaps];
    },
    keyKnown: () => keyKnown,
    async refreshKeyKnown() {
      keyKnown = await keyStored();
    },
    async keyStatus() {
      let account: string | null = null;
      try {
        account = vaultAccount();
      } catch {
        return { stored: false, where: vault.description, account };
      }
      return { stored: await vault.hasApiKey(account), where: vault.description, account };
    },
    async dispose() {
      await cached?.client.dispose();
    },
  };
}
