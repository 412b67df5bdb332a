import { MSG } from '../messages';
import type { SimAccount, SimTokenForm } from '../types';
import type { SimContext } from './context';

export type GatewayAuth =
  | { ok: true; account: SimAccount }
  | {
      ok: false;
      message: string;
      /** the token is missing, stale or unknown: a fresh one may help */ tokenProblem: boolean;
      /** 200 as the reference shows refusals; a credential refusal may come as 401 (SimulatorOptions). */
      httpStatus: number;
    };

/**
 * The token as a gateway that reads one form finds it in `Authorization`; '' when it does not read what
 * was sent (a bare token where `Bearer` is expected, or the reverse): to it, no token was sent.
 */
export function readToken(authorization: string | undefined, form: SimTokenForm): string {
  const value = (authorization ?? '').trim();
  const bearer = /^Bearer\s+(\S+)$/i.exec(value)?.[1];
  if (bearer) return form === 'raw' ? '' : bearer;
  if (/^Bearer\b/i.test(value) || /\s/.test(value)) return '';
  return form === 'bearer' ? '' : value;
}

/**
 * Authorises a `/ca_apis/...` request the way the account's "API Authentication" setting says:
 * a token account reads only `Authorization` (in the simulator's token form), a basic account only the
 * `apiKey` header, an account allowing both prefers the token. `userName` is the one the body claims.
 * Wording per the reference: a basic page asked with a token account's key answers `Token Expired`, a token
 * page asked for a basic account answers `Api Key Should Not be Null or Empty.`.
 */
export function authorizeGateway(
  headers: Record<string, string>,
  userName: string | undefined,
  ctx: SimContext,
  fallbackApiKey?: string,
): GatewayAuth {
  if (!userName?.trim()) return refuse(MSG.userNameMissing, ctx);
  const authorization = headers['authorization'];
  const token = readToken(authorization, ctx.tokenForm);
  const apiKey = (headers['apikey'] ?? '').trim() || (fallbackApiKey ?? '').trim();
  const claimed = ctx.accounts.byUserName(userName);

  if (token && claimed?.auth !== 'basic') {
    const verdict = ctx.tokens.verify(token);
    if (!verdict.ok) {
      const message = verdict.reason === 'expired' ? MSG.tokenExpired : MSG.invalidToken;
      return { ok: false, message, tokenProblem: true, httpStatus: 200 };
    }
    if (!claimed || verdict.userName !== claimed.userName) return refuse(MSG.invalidUser, ctx);
    return { ok: true, account: claimed };
  }
  if (apiKey) {
    const account = ctx.accounts.byApiKey(apiKey);
    if (!account || account.userName !== userName) return refuse(MSG.invalidUser, ctx);
    if (account.auth === 'token')
      return { ok: false, message: MSG.tokenExpired, tokenProblem: true, httpStatus: 200 };
    return { ok: true, account };
  }
  if (authorization !== undefined && claimed?.auth !== 'basic') {
    return { ok: false, message: MSG.tokenMissing, tokenProblem: true, httpStatus: 200 };
  }
  return refuse(MSG.apiKeyMissing, ctx);
}

function refuse(message: string, ctx: SimContext): GatewayAuth {
  return { ok: false, message, tokenProblem: false, httpStatus: ctx.authFailureStatus };
}
