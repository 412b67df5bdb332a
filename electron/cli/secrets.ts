import { isAppError } from '../../shared/errors';
import { createStaticSecrets } from '../core/cloudagent/static-secrets';
import type { SecretSource, TokenCache } from '../core/cloudagent/types';
import type { Vault } from '../core/vault/types';

export interface CliSecretsOptions {
  /** CONFBAR_API_KEY, trimmed; null when unset or empty. */
  envKey: string | null;
  vault: () => Vault;
  /** The keychain account (`user@host`); throws InvalidInput when the user name is missing. */
  account: () => string;
  /** Told once when the token cache falls back to memory, with why. */
  note: (message: string) => void;
}

export interface CliSecrets {
  source: SecretSource;
  /** Where the token cache lives, once it has been used. */
  tokenCache(): 'keychain' | 'memory' | 'unused';
  /** Every secret read so far, for the last redaction pass over everything printed. */
  seen(): string[];
  /** Adds a secret read elsewhere (key set's stdin) to that pass. */
  remember(secret: string): void;
}

/**
 * The client's secrets for one CLI run: the api_key from CONFBAR_API_KEY, else the keychain; the token
 * cache in the keychain (shared with the app and later runs) when it can be used, else in memory. Only
 * an environment key can meet an unusable keychain here: a keychain key would have failed first.
 */
export function createCliSecrets(opts: CliSecretsOptions): CliSecrets {
  const seen = new Set<string>();
  if (opts.envKey) seen.add(opts.envKey);
  const memory = createStaticSecrets(null);
  let cache: 'keychain' | 'memory' | 'unused' = 'unused';

  const remember = (value: string | null | undefined) => {
    if (value) seen.add(value);
  };

  /** Runs a token-cache operation in the keychain, switching to memory for good on the first failure. */
  async function tokenOp<T>(
    inKeychain: (v: Vault, account: string) => Promise<T>,
    inMemory: () => Promise<T>,
  ) {
    if (cache !== 'memory') {
      try {
        const result = await inKeychain(opts.vault(), opts.account());
        cache = 'keychain';
        return result;
      } catch (e) {
        if (!opts.envKey) throw e;
        cache = 'memory';
        const why = (isAppError(e) ? e.message : String(e)).replace(/\.$/, '');
        opts.note(`The token is kept in memory for this run only (the keychain cannot hold it: ${why}).`);
      }
    }
    return inMemory();
  }

  const source: SecretSource = {
    async getApiKey() {
      if (opts.envKey) return opts.envKey;
      const key = await opts.vault().getApiKey(opts.account());
      remember(key);
      return key;
    },
    async getToken() {
      const c = await tokenOp(
        (v, a) => v.getToken(a),
        () => memory.getToken(),
      );
      remember(c?.token);
      return c;
    },
    async setToken(next: TokenCache) {
      remember(next.token);
      await tokenOp(
        (v, a) => v.setToken(a, next),
        () => memory.setToken(next),
      );
    },
    async deleteToken() {
      await tokenOp(
        async (v, a) => void (await v.deleteToken(a)),
        () => memory.deleteToken(),
      );
    },
  };

  return { source, tokenCache: () => cache, seen: () => [...seen], remember };
}
