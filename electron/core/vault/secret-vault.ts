import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { SecretSource, TokenCache } from '../cloudagent/types';
import { tokenAccount } from './account-id';
import { proxyLoginEntries } from './proxy-login';
import type { Vault } from './types';

/** The raw string store under a vault: the OS keychain, or a Map for demo mode. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

const MAX_SECRET_LENGTH = 4096;

const TokenCacheSchema = z.object({
  token: z.string().nullable(),
  expiresAt: z.number(),
  generations: z.array(z.number()).max(1000),
});

function checkAccount(account: unknown): string {
  if (typeof account !== 'string' || account.trim() === '') {
    throw new AppError('InvalidInput', 'The keychain account must not be empty.');
  }
  // `token:` names the token-cache entries; an account spelled that way would collide with one.
  if (account.startsWith('token:'))
    throw new AppError('InvalidInput', 'A keychain account may not start with "token:".');
  // `proxy:` names the proxy logins (proxy-login.ts).
  if (account.startsWith('proxy:'))
    throw new AppError('InvalidInput', 'A keychain account may not start with "proxy:".');
  return account;
}

function checkApiKey(apiKey: unknown): string {
  const key = typeof apiKey === 'string' ? apiKey.trim() : '';
  if (key === '') throw new AppError('InvalidInput', 'The API key is empty; paste the key from CloudAgent.');
  if (key.length > MAX_SECRET_LENGTH || /\s/.test(key)) {
    throw new AppError(
      'InvalidInput',
      'That does not look like an API key (it is too long or contains spaces).',
    );
  }
  return key;
}

/**
 * The Vault over any SecretStore: input checks, the separate token entry, and the token cache's JSON.
 * A token cache that no longer parses is treated as absent (a new token is fetched), never as an error.
 */
export function vaultOver(store: SecretStore, description: string): Vault {
  const getToken = async (account: string): Promise<TokenCache | null> => {
    const raw = await store.get(tokenAccount(checkAccount(account)));
    if (raw === null) return null;
    try {
      const parsed = TokenCacheSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  const setToken = async (account: string, cache: TokenCache): Promise<void> => {
    const parsed = TokenCacheSchema.safeParse(cache);
    if (!parsed.success) throw new AppError('InvalidInput', 'The token cache is malformed.');
    await store.set(tokenAccount(checkAccount(account)), JSON.stringify(parsed.data));
  };
  const deleteToken = async (account: string) => store.delete(tokenAccount(checkAccount(account)));
  const getApiKey = async (account: string) => store.get(checkAccount(account));

  const vault: Vault = {
    description,
    getApiKey,
    async setApiKey(account, apiKey) {
      const acc = checkAccount(account);
      await store.set(acc, checkApiKey(apiKey));
    },
    deleteApiKey: async (account) => store.delete(checkAccount(account)),
    hasApiKey: async (account) => (await getApiKey(account)) !== null,
    getToken,
    setToken,
    deleteToken,
    ...proxyLoginEntries(store),
    secretsFor(account): SecretSource {
      checkAccount(account);
      return {
        getApiKey: () => getApiKey(account),
        getToken: () => getToken(account),
        setToken: (cache) => setToken(account, cache),
        deleteToken: async () => {
          await deleteToken(account);
        },
      };
    },
  };
  return vault;
}
