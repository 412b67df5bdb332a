import type { Settings } from '../../../shared/settings';
import type { CloudAgentConfig } from '../cloudagent/types';

type Account = Settings['account'];

/** The client configuration the saved account describes (the app and the CLI read settings the same way). */
export function configFromAccount(account: Account): CloudAgentConfig {
  return {
    endpoint: account.baseUrl ? { baseUrl: account.baseUrl } : { region: account.region },
    mode: account.mode,
    userName: account.userName,
    did: account.did,
    agentPhoneName: account.agentPhoneName,
    output: account.output,
    timeoutMs: account.timeoutMs,
    tokenForm: account.tokenForm,
  };
}

/** Fields a working account still lacks, named as the settings screen labels them. */
export function missingAccountFields(account: Account): string[] {
  const missing: string[] = [];
  if (account.mode !== 'legacy' && !account.userName.trim()) missing.push('user name');
  if (!account.did.trim()) missing.push('DID');
  if (!account.agentPhoneName.trim()) missing.push('agent phone name');
  if (!account.agentNumber.trim()) missing.push('agent number');
  return missing;
}
