import type { SecretSource, TokenCache } from '../cloudagent/types';

/**
 * The keychain behind a small port. Accounts are `userName@host`, so one desktop can hold keys for
 * several CloudAgent instances. Implementations never fall back to plaintext storage.
 */
export interface Vault {
  /** Where secrets live, for the UI ("Stored in the GNOME Keyring / macOS Keychain / ..."). */
  readonly description: string;
  getApiKey(account: string): Promise<string | null>;
  setApiKey(account: string, apiKey: string): Promise<void>;
  deleteApiKey(account: string): Promise<boolean>;
  hasApiKey(account: string): Promise<boolean>;
  getToken(account: string): Promise<TokenCache | null>;
  setToken(account: string, cache: TokenCache): Promise<void>;
  deleteToken(account: string): Promise<boolean>;
  /** The client's view of one account's secrets. */
  secretsFor(account: string): SecretSource;
}
