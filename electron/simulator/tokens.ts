import { randomBytes } from 'node:crypto';

export const TOKEN_LIFE_MS = 60 * 60 * 1000;
export const TOKEN_BUDGET = 10;
const BUDGET_WINDOW_MS = 60 * 60 * 1000;

export type IssueResult = { ok: true; token: string; expiresAt: number } | { ok: false; reason: 'budget' };
export type VerifyResult = { ok: true; userName: string } | { ok: false; reason: 'invalid' | 'expired' };

interface UserTokens {
  current?: { token: string; expiresAt: number };
  generations: number[];
}

/**
 * CloudAgent's token rules: a token lives 60 minutes, each new one invalidates the previous, and a user
 * may generate at most 10 in any trailing hour. Every time comes from the injected clock.
 */
export class TokenBook {
  private readonly users = new Map<string, UserTokens>();

  constructor(
    private readonly now: () => number,
    private readonly mark = '',
  ) {
    if (!/^[A-Za-z0-9_-]*$/.test(mark)) throw new Error('A token mark must be base64url characters.');
  }

  issue(userName: string): IssueResult {
    const at = this.now();
    const entry = this.entry(userName);
    entry.generations = entry.generations.filter((g) => g > at - BUDGET_WINDOW_MS);
    if (entry.generations.length >= TOKEN_BUDGET) return { ok: false, reason: 'budget' };
    entry.generations.push(at);
    const token = makeToken(userName, at, this.mark);
    entry.current = { token, expiresAt: at + TOKEN_LIFE_MS };
    return { ok: true, ...entry.current };
  }

  verify(token: string): VerifyResult {
    for (const [userName, entry] of this.users) {
      if (entry.current?.token !== token) continue;
      return this.now() >= entry.current.expiresAt
        ? { ok: false, reason: 'expired' }
        : { ok: true, userName };
    }
    // Superseded and never-issued tokens look the same to the server.
    return { ok: false, reason: 'invalid' };
  }

  current(userName: string): { token: string; expiresAt: number } | undefined {
    const current = this.users.get(userName)?.current;
    return current && this.now() < current.expiresAt ? { ...current } : undefined;
  }

  private entry(userName: string): UserTokens {
    let entry = this.users.get(userName);
    if (!entry) {
      entry = { generations: [] };
      this.users.set(userName, entry);
    }
    return entry;
  }
}

// Shaped like the real JWTs ("eyJ...") so clients that sniff the prefix behave as in production.
function makeToken(userName: string, at: number, mark: string): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const header = part({ alg: 'HS256', typ: 'JWT' });
  const iat = Math.floor(at / 1000);
  const payload = part({
    sub: userName,
    iat,
    exp: iat + TOKEN_LIFE_MS / 1000,
    jti: randomBytes(8).toString('hex'),
  });
  return `${header}.${payload}.${mark}${randomBytes(32).toString('base64url')}`;
}
