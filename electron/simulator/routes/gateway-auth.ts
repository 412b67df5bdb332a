import { MSG } from '../messages';
import type { SimAccount } from '../types';
import type { SimContext } from './context';

export type GatewayAuth =
  | { ok: true; account: SimAccount }
  | {
      ok: false;
      message: string;
      /** the token is missing, stale or unknown: a fresh one may help */ tokenProblem: boolean;
    };

/**
 * Authorises a `/ca_apis/...` request the way the account's "API Authentication" setting says:
 * a token account reads only `Authorization` (Bearer or bare token), a basic account only the `apiKey`
 * header, an account allowing both prefers the token. `userName` is the one the body claims.
 */
export function authorizeGateway(
  headers: Record<string, string>,
  userName: string | undefined,
  ctx: SimContext,
  fallbackApiKey?: string,
): GatewayAuth {
  const authorization = headers['authorization'];
  const token = (authorization ?? '').replace(/^Bearer\b/i, '').trim();
  const apiKey = (headers['apikey'] ?? '').trim() || (fallbackApiKey ?? '').trim();
  const claimed = ctx.accounts.byUserName(userName);

  if (token && claimed?.auth !== 'basic') {
    const verdict = ctx.tokens.verify(token);
    if (!verdict.ok) {
      const message = verdict.reason === 'expired' ? MSG.tokenExpired : MSG.invalidToken;
      return { ok: false, message, tokenProblem: true };
    }
    if (!claimed || verdict.userName !== claimed.userName) return refuse(MSG.invalidUser);
    return { ok: true, account: claimed };
  }
  if (apiKey) {
    const account = ctx.accounts.byApiKey(apiKey);
    if (!account || account.userName !== userName) return refuse(MSG.invalidUser);
    if (account.auth === 'token') return { ok: false, message: MSG.tokenMissing, tokenProblem: true };
    return { ok: true, account };
  }
  if (authorization !== undefined && claimed?.auth !== 'basic') {
    return { ok: false, message: MSG.tokenMissing, tokenProblem: true };
  }
  return refuse(MSG.apiKeyMissing);
}

function refuse(message: string): GatewayAuth {
  return { ok: false, message, tokenProblem: false };
}
