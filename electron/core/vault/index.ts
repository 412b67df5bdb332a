export type { Vault } from './types';
export { accountId, tokenAccount } from './account-id';
export { describeKeychain, keychainUnavailable } from './describe';
export { createKeytarVault, type Keytar, type KeytarVaultOptions } from './keytar-vault';
export { createMemoryVault } from './memory-vault';
