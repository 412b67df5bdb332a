import type { SecretSource, TokenCache } from '../cloudagent/types';

/** A proxy's Basic login: never in a file, a log, a trace or a report (the redactor is told both parts). */
export interface ProxyLogin {
  username: string;
  password: string;
}

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
  /** The Basic login a proxy (`host:port`) asked for, kept as its own keychain entry `proxy:<host:port>`. */
  getProxyLogin(proxy: string): Promise<ProxyLogin | null>;
  setProxyLogin(proxy: string, login: ProxyLogin): Promise<void>;
  deleteProxyLogin(proxy: string): Promise<boolean>;
  /** The client's view of one account's secrets. */
  secretsFor(account: string): SecretSource;
}
