import { vaultOver } from './secret-vault';
import type { Vault } from './types';

/**
 * A vault that keeps secrets in this process's memory only: for demo mode and tests. NOT persistent —
 * everything is gone when the process exits — and never a fallback for a missing OS keychain.
 */
export function createMemoryVault(): Vault {
  const secrets = new Map<string, string>();
  return vaultOver(
    {
      get: async (account) => secrets.get(account) ?? null,
      set: async (account, secret) => {
        secrets.set(account, secret);
      },
      delete: async (account) => secrets.delete(account),
    },
    'Memory only (demo mode; not saved)',
  );
}
