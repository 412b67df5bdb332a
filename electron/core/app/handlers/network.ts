import type { HandlerTable } from '../../ipc/dispatch';
import { proxyLoginAccount } from '../../vault/proxy-login';
import type { Vault } from '../../vault/types';
import { extraCaStatus } from '../extra-ca';

type NetworkHandlers = Pick<
  HandlerTable,
  'proxyLoginStatus' | 'setProxyLogin' | 'clearProxyLogin' | 'extraCaStatus'
>;

/**
 * Settings → Network → Proxy login: a proxy's Basic login, kept only in the keychain. The answers name the
 * proxy and say whether a login is saved, never what it is. `changed` lets the transport drop connections
 * that were opened (or refused) with the old login.
 */
export function networkHandlers(deps: {
  vault: Vault;
  /** The extra CA file in force (policy applied). */
  extraCaFile: () => string;
  changed?: () => void;
}): NetworkHandlers {
  const { vault } = deps;
  const state = async (proxy: string) => ({
    proxy: proxyLoginAccount(proxy).slice('proxy:'.length),
    saved: (await vault.getProxyLogin(proxy)) !== null,
    where: vault.description,
  });
  return {
    proxyLoginStatus: async ({ proxy }) => state(proxy),
    setProxyLogin: async ({ proxy, username, password }) => {
      await vault.setProxyLogin(proxy, { username: username.trim(), password });
      deps.changed?.();
      return state(proxy);
    },
    extraCaStatus: () => extraCaStatus(deps.extraCaFile()),
    clearProxyLogin: async ({ proxy }) => {
      await vault.deleteProxyLogin(proxy);
      deps.changed?.();
      return state(proxy);
    },
  };
}
