import type { HandlerTable } from '../../ipc/dispatch';
import type { Vault } from '../../vault/types';
import type { AccountContext } from '../account-context';

type KeyHandlers = Pick<HandlerTable, 'keyStatus' | 'setKey' | 'clearKey'>;

/** The api_key in the keychain. A token minted for another key must not be reused, so it goes too. */
export function keyHandlers(deps: {
  vault: Vault;
  account: AccountContext;
  publish: () => void;
}): KeyHandlers {
  const { vault, account, publish } = deps;
  async function changed() {
    await account.refreshKeyKnown();
    account.resetClient();
    publish();
    return account.keyStatus();
  }
  return {
    keyStatus: () => account.keyStatus(),
    setKey: async ({ apiKey }) => {
      await vault.setApiKey(account.vaultAccount(), apiKey.trim());
      await vault.deleteToken(account.vaultAccount());
      return changed();
    },
    clearKey: async () => {
      await vault.deleteApiKey(account.vaultAccount());
      await vault.deleteToken(account.vaultAccount());
      return changed();
    },
  };
}
