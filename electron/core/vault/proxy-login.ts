import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { ProxyCredentials } from '../cloudagent/transport';
import { rememberSecret } from '../redact';
import type { SecretStore } from './secret-vault';
import type { ProxyLogin, Vault } from './types';

/**
 * Proxy Basic logins in the keychain: one entry per proxy, account `proxy:<host:port>`, value JSON
 * `{ username, password }`. Every login read or written is handed to the redactor (its parts and the
 * `user:password` base64 a Proxy-Authorization header carries), so none reaches a log, trace or report.
 */
const LoginSchema = z.object({
  username: z.string().trim().min(1).max(256),
  password: z.string().min(1).max(1024),
});

/** The keychain account of a proxy: `proxy:host:port`, lower case, default port spelt out. */
export function proxyLoginAccount(proxy: string): string {
  let url: URL;
  try {
    url = new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
  } catch {
    throw new AppError('InvalidInput', `"${proxy}" is not a proxy host:port.`);
  }
  if (url.hostname === '') throw new AppError('InvalidInput', `"${proxy}" is not a proxy host:port.`);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `proxy:${url.hostname.toLowerCase()}:${port}`;
}

function remember(login: ProxyLogin): void {
  rememberSecret(login.password);
  rememberSecret(Buffer.from(`${login.username}:${login.password}`).toString('base64'));
}

export function proxyLoginEntries(
  store: SecretStore,
): Pick<Vault, 'getProxyLogin' | 'setProxyLogin' | 'deleteProxyLogin'> {
  return {
    async getProxyLogin(proxy) {
      const raw = await store.get(proxyLoginAccount(proxy));
      if (raw === null) return null;
      try {
        const parsed = LoginSchema.safeParse(JSON.parse(raw));
        if (!parsed.success) return null;
        remember(parsed.data);
        return parsed.data;
      } catch {
        return null;
      }
    },
    async setProxyLogin(proxy, login) {
      const parsed = LoginSchema.safeParse(login);
      if (!parsed.success) {
        throw new AppError('InvalidInput', 'Enter both the proxy user name and its password.');
      }
      remember(parsed.data);
      await store.set(proxyLoginAccount(proxy), JSON.stringify(parsed.data));
    },
    deleteProxyLogin: async (proxy) => store.delete(proxyLoginAccount(proxy)),
  };
}

/** The transport's ProxyCredentials port over the vault: the login saved for that proxy, if any. */
export function vaultProxyCredentials(vault: Pick<Vault, 'getProxyLogin'>): ProxyCredentials {
  return {
    async get(proxy) {
      try {
        return (await vault.getProxyLogin(proxy.href)) ?? undefined;
      } catch {
        // A locked or missing keychain: the proxy's 407 then tells the agent what to do.
        return undefined;
      }
    },
  };
}
