import { AppError } from '../../../shared/errors';

/**
 * The keychain account for a CloudAgent login: `userName@host` (host includes a non-default port), so
 * one desktop can hold keys for several instances. `baseUrl` is the effective API base URL.
 */
export function accountId(userName: string, baseUrl: string): string {
  const user = userName.trim();
  if (user === '')
    throw new AppError('InvalidInput', 'account.userName: enter your CloudAgent user name first.');
  let host: string;
  try {
    host = new URL(baseUrl).host.toLowerCase();
  } catch {
    throw new AppError('InvalidInput', 'account.baseUrl: must be an http(s) URL');
  }
  if (host === '') throw new AppError('InvalidInput', 'account.baseUrl: must be an http(s) URL');
  return `${user}@${host}`;
}

/** The separate keychain entry holding an account's token cache (JSON). */
export function tokenAccount(account: string): string {
  return `token:${account}`;
}
