/**
 * Authorisation for one client: the API key, token generation, and the rule for a refused token (renew it
 * once per user action, never spend a second generation on a refusal a new token cannot fix).
 */
import { AppError, isAppError } from '../../../shared/errors';
import type { Logger } from '../log';
import { jsonPost, type Credential, type RequestContext } from './call-control';
import {
  badResponse,
  errorFromServer,
  isApiKeyMissingMessage,
  isTokenMissingMessage,
  MODE_REMEDY,
  tokenFormRemedy,
} from './errors';
import type { Exchange } from './exchange';
import { decodeBody, textOf } from './parse';
import { checkRequired } from './required';
import type { SeenSecrets } from './secrets-seen';
import { createTokenManager, type TokenManager } from './token-manager';
import type { SecretSource } from './types';

export const GENERATE_TOKEN_PATH = '/ca_apis/CAToken/generateToken';

/** Why a fresh token is refused, and what to check; a third token would be refused the same way. */
const TOKEN_REFUSED_REMEDY =
  'Another app or process may be generating tokens for this user (each new one cancels the last), ' +
  'or the token form is wrong (Settings → Account → Token form; CLI --token-form).';

export interface Auth {
  /** Runs `send` with the mode's credential (see authorised below). */
  authorised<T>(send: (cred: Credential) => Promise<T>): Promise<T>;
  apiKey(): Promise<string>;
  /** Token mode only; null in the api-key modes. */
  tokens: TokenManager | null;
}

export function createAuth(deps: {
  ctx: RequestContext;
  secrets: SecretSource;
  seen: SeenSecrets;
  exchange: Exchange;
  now?: () => number;
  log: Logger;
  noRenewal?: boolean;
}): Auth {
  const { ctx, secrets, seen, exchange, log } = deps;

  async function apiKey(): Promise<string> {
    const key = (await secrets.getApiKey())?.trim();
    if (!key) {
      throw new AppError(
        'NoApiKey',
        `No CloudAgent API key is stored${ctx.userName ? ` for ${ctx.userName}` : ''}.`,
      );
    }
    seen.see(key);
    return key;
  }

  async function generateToken(): Promise<string> {
    checkRequired(ctx, 'token generation');
    const key = await apiKey();
    // The token request changes nothing but the token: it may be re-sent once on a fresh connection.
    const prepared = {
      ...jsonPost(ctx.baseUrl + GENERATE_TOKEN_PATH, { userName: ctx.userName }, { apiKey: key }),
      replay: 'once' as const,
    };
    let token = '';
    await exchange(prepared, 'generateToken', (res) => {
      const fields = decodeBody(res);
      token = textOf(fields.token);
      if (token) return { status: 'success', message: '', fields };
      const message = textOf(fields.message);
      if (!message) throw badResponse('CloudAgent answered generateToken without a token or a message.');
      throw errorFromServer(textOf(fields.status), message);
    });
    seen.see(token);
    return token;
  }

  const tokens: TokenManager | null =
    ctx.mode === 'token'
      ? createTokenManager({ secrets, now: deps.now, log, generate: generateToken })
      : null;

  /**
   * Token mode renews a rejected token and retries once, but never spends a second generation on one user
   * action, and none on a refusal a new token cannot fix:
   * - the server answered as if no token was sent (`Token Should Not be Null or Empty.`): its form is wrong;
   * - the token was generated for this very action and is already refused: a newer one would be too.
   */
  async function authorised<T>(send: (cred: Credential) => Promise<T>): Promise<T> {
    if (!tokens) {
      const key = await apiKey();
      try {
        return await send({ apiKey: key });
      } catch (e) {
        // Without a token, a token complaint means the account is set to token authentication.
        if (!isAppError(e) || e.kind !== 'TokenExpired') throw e;
        throw new AppError('AuthFailed', e.message, MODE_REMEDY.token);
      }
    }
    const madeBefore = tokens.generated();
    const first = await tokens.token();
    seen.see(first);
    const justMade = tokens.generated() > madeBefore;
    try {
      return await send({ token: first });
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (isApiKeyMissingMessage(e.message)) throw new AppError('AuthFailed', e.message, MODE_REMEDY.basic);
      if (e.kind !== 'TokenExpired') throw e;
      if (isTokenMissingMessage(e.message)) {
        throw new AppError(
          'AuthFailed',
          `CloudAgent did not read the token (it answered "${e.message}" although one was sent).`,
          tokenFormRemedy(ctx.tokenForm),
        );
      }
      if (justMade || deps.noRenewal) {
        throw new AppError(
          'AuthFailed',
          justMade
            ? `CloudAgent refused a token it had just issued ("${e.message}").`
            : `CloudAgent refused the token ("${e.message}"); this check does not generate another.`,
          `${TOKEN_REFUSED_REMEDY} No second token was generated.`,
        );
      }
      log.info('cloudagent token rejected; renewing it once and retrying', { reason: e.message });
      const second = await tokens.renew(first);
      seen.see(second);
      try {
        return await send({ token: second });
      } catch (again) {
        // "Try again" would only spend another of the hour's ten generations on the same refusal.
        if (!isAppError(again) || again.kind !== 'TokenExpired') throw again;
        throw new AppError(
          'AuthFailed',
          `CloudAgent refused the new token too ("${again.message}").`,
          `${TOKEN_REFUSED_REMEDY} ConfBar generated one new token for this action and stops there.`,
        );
      }
    }
  }

  return { authorised, apiKey, tokens };
}
