import { AppError } from '../../../shared/errors';
import { nullLogger, type Logger } from '../log';
import type { SecretSource, TokenCache } from './types';

/** CloudAgent tokens live 60 minutes. */
export const TOKEN_LIFETIME_MS = 60 * 60_000;
/** Refresh this long before expiry, so a token never dies between reading and using it. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
/** CloudAgent allows 10 generations per trailing hour; we stop at 9 so one is always left in reserve. */
export const TOKEN_BUDGET = 9;
const HOUR_MS = 60 * 60_000;

export interface TokenManagerOptions {
  secrets: SecretSource;
  /** Asks CloudAgent for a new token. Throws AppError; a refusal (AuthFailed, Refused) means none was made. */
  generate: () => Promise<string>;
  now?: () => number;
  log?: Logger;
}

export interface TokenManager {
  /** A token valid for at least the refresh margin: the known one, the shared cached one, or a new one. */
  token(): Promise<string>;
  /**
   * CloudAgent rejected `rejected` (expired or superseded). Returns a different token: one another
   * process already stored, or a newly generated one.
   */
  renew(rejected: string): Promise<string>;
  /** Generations in the trailing hour as last seen in the shared cache. */
  budget(): { used: number; limit: number };
  /** How many times this manager has asked CloudAgent for a token (successfully or not), ever. */
  generated(): number;
}

/**
 * Token mode's rules in one place: reuse a token until 5 minutes before its 60-minute life ends; let
 * concurrent callers share one generation in flight; keep the token and the timestamps of generations
 * in the shared cache (the keychain), re-reading it before generating so the app, the CLI and successive
 * CLI runs share one token and one budget; refuse locally before a 10th generation in an hour.
 */
export function createTokenManager(opts: TokenManagerOptions): TokenManager {
  const { secrets, generate } = opts;
  const now = opts.now ?? Date.now;
  const log = opts.log ?? nullLogger;
  let current: { token: string; expiresAt: number } | null = null;
  let generations: number[] = [];
  let inflight: Promise<string> | null = null;
  let asked = 0;

  const usable = (
    c: { token: string | null; expiresAt: number } | null,
  ): c is { token: string; expiresAt: number } => !!c?.token && now() < c.expiresAt - TOKEN_REFRESH_MARGIN_MS;
  const trailingHour = (times: readonly number[]): number[] => times.filter((t) => t > now() - HOUR_MS);

  function singleFlight(work: () => Promise<string>): Promise<string> {
    if (!inflight) {
      inflight = work().finally(() => {
        inflight = null;
      });
    }
    return inflight;
  }

  async function acquire(rejected: string | null): Promise<string> {
    const cached = await secrets.getToken();
    generations = trailingHour(cached?.generations ?? []);
    if (usable(cached) && cached.token !== rejected) {
      current = { token: cached.token, expiresAt: cached.expiresAt };
      return cached.token;
    }
    if (generations.length >= TOKEN_BUDGET) throw budgetExhausted(generations, now());

    const askedAt = now();
    let fresh: string | null = null;
    let counted = true;
    asked += 1;
    try {
      fresh = await generate();
      return fresh;
    } catch (e) {
      // A clear refusal made no token; a timeout or garbled answer may have made one, so it counts.
      counted = !(
        e instanceof AppError && ['AuthFailed', 'Refused', 'TokenBudgetExhausted'].includes(e.kind)
      );
      throw e;
    } finally {
      if (counted) generations = [...generations, askedAt];
      if (fresh !== null) current = { token: fresh, expiresAt: askedAt + TOKEN_LIFETIME_MS };
      const next: TokenCache = {
        token: current?.token ?? cached?.token ?? null,
        expiresAt: current?.expiresAt ?? cached?.expiresAt ?? 0,
        generations,
      };
      await secrets.setToken(next).catch((err: unknown) => {
        log.warn('cloudagent token cache could not be saved; the budget is not shared this time', {
          error: err instanceof Error ? err.message : String(err),
        });
      });
    }
  }

  return {
    async token() {
      if (usable(current)) return current.token;
      return singleFlight(() => acquire(null));
    },
    async renew(rejected) {
      if (inflight) {
        const shared = await inflight.catch(() => null);
        if (shared !== null && shared !== rejected) return shared;
      }
      if (usable(current) && current.token !== rejected) return current.token;
      if (current?.token === rejected) current = null;
      return singleFlight(() => acquire(rejected));
    },
    budget() {
      return { used: trailingHour(generations).length, limit: TOKEN_BUDGET };
    },
    generated: () => asked,
  };
}

function budgetExhausted(generations: readonly number[], at: number): AppError {
  const oldest = generations[0] ?? at;
  const minutes = Math.max(1, Math.ceil((oldest + HOUR_MS - at) / 60_000));
  return new AppError(
    'TokenBudgetExhausted',
    `${generations.length} tokens were generated in the last hour; ConfBar stops there to stay within ` +
      `CloudAgent's limit of 10 an hour. The next one can be made in ${minutes} min.`,
  );
}
