import { AppError } from '../../../shared/errors';
import { describeKeychain, keychainUnavailable } from './describe';
import { vaultOver } from './secret-vault';
import type { Vault } from './types';

export type Keytar = Pick<typeof import('keytar'), 'getPassword' | 'setPassword' | 'deletePassword'>;

export interface KeytarVaultOptions {
  /** The keychain "service" all entries are filed under. Default 'ConfBar'. */
  service?: string;
  /** An already-loaded keytar (tests); by default keytar is imported on first use. */
  keytar?: Keytar;
  /** For the description and remedy text; default process.platform. */
  platform?: NodeJS.Platform;
}

/**
 * The OS keychain through keytar (libsecret / Keychain / Credential Manager). keytar is imported lazily,
 * so a missing or mismatched native module is a KeychainUnavailable error on use rather than a crash at
 * startup. Every failure of the keychain itself becomes KeychainUnavailable; there is no plaintext fallback.
 */
export function createKeytarVault(opts: KeytarVaultOptions = {}): Vault {
  const service = opts.service ?? 'ConfBar';
  const platform = opts.platform ?? process.platform;
  let loading: Promise<Keytar> | null = opts.keytar ? Promise.resolve(opts.keytar) : null;

  const load = (): Promise<Keytar> => {
    loading ??= import('keytar').then(
      (m) => ((m as { default?: Keytar }).default ?? m) as Keytar,
      (e: unknown) => {
        loading = null;
        throw keychainUnavailable(
          `the keytar native module could not be loaded: ${(e as Error).message}`,
          platform,
        );
      },
    );
    return loading;
  };

  // keytar's errors come from the native side (libsecret, Security.framework, wincred) as plain Errors.
  const call = async <T>(op: (k: Keytar) => Promise<T>): Promise<T> => {
    const keytar = await load();
    try {
      return await op(keytar);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw keychainUnavailable(e instanceof Error ? e.message : String(e), platform);
    }
  };

  return vaultOver(
    {
      get: (account) => call((k) => k.getPassword(service, account)),
      set: (account, secret) => call((k) => k.setPassword(service, account, secret)),
      delete: (account) => call((k) => k.deletePassword(service, account)),
    },
    describeKeychain(platform),
  );
}
