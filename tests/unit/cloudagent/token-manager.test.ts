import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import { createTokenManager, TOKEN_BUDGET } from '../../../electron/core/cloudagent/token-manager';
import type { SecretSource } from '../../../electron/core/cloudagent/types';
import { fakeClock } from '../../support/clock';

const MIN = 60_000;

/** A generate function that hands out tok-1, tok-2, ... and counts its calls; optionally waits for a gate. */
function fakeGenerate() {
  const state = { calls: 0, gate: null as Promise<void> | null, fail: null as AppError | null };
  const generate = async (): Promise<string> => {
    state.calls += 1;
    const n = state.calls;
    if (state.gate) await state.gate;
    if (state.fail) throw state.fail;
    return `tok-${n}`;
  };
  return { state, generate };
}

function setup(secrets: SecretSource = createStaticSecrets('key')) {
  const clock = fakeClock();
  const gen = fakeGenerate();
  const manager = createTokenManager({ secrets, generate: gen.generate, now: clock.now });
  return { clock, gen, manager, secrets };
}

describe('token manager', () => {
  it('generates once and reuses the token while it has life left', async () => {
    const { clock, gen, manager } = setup();
    expect(await manager.token()).toBe('tok-1');
    clock.advance(30 * MIN);
    expect(await manager.token()).toBe('tok-1');
    clock.advance(24 * MIN);
    expect(await manager.token()).toBe('tok-1');
    expect(gen.state.calls).toBe(1);
  });

  it('refreshes once fewer than 5 minutes of the 60 are left (at 55 min)', async () => {
    const { clock, gen, manager } = setup();
    await manager.token();
    clock.advance(55 * MIN);
    expect(await manager.token()).toBe('tok-2');
    expect(gen.state.calls).toBe(2);
  });

  it('lets concurrent first callers share one generation', async () => {
    const { gen, manager } = setup();
    let open!: () => void;
    gen.state.gate = new Promise((r) => (open = r));
    const all = Promise.all([manager.token(), manager.token(), manager.token(), manager.renew('nothing')]);
    await new Promise((r) => setTimeout(r, 5));
    open();
    expect(await all).toEqual(['tok-1', 'tok-1', 'tok-1', 'tok-1']);
    expect(gen.state.calls).toBe(1);
  });

  it('stores token, expiry and generation times in the shared cache', async () => {
    const { clock, manager, secrets } = setup();
    const at = clock.now();
    await manager.token();
    expect(await secrets.getToken()).toEqual({ token: 'tok-1', expiresAt: at + 60 * MIN, generations: [at] });
  });

  it('shares one token between two managers over one cache', async () => {
    const secrets = createStaticSecrets('key');
    const clock = fakeClock();
    const a = fakeGenerate();
    const b = fakeGenerate();
    const first = createTokenManager({ secrets, generate: a.generate, now: clock.now });
    const second = createTokenManager({ secrets, generate: b.generate, now: clock.now });
    expect(await first.token()).toBe('tok-1');
    clock.advance(10 * MIN);
    expect(await second.token()).toBe('tok-1');
    expect(b.state.calls).toBe(0);
    expect(second.budget()).toEqual({ used: 1, limit: TOKEN_BUDGET });
  });

  it('on renew, takes a newer token another manager stored instead of generating', async () => {
    const secrets = createStaticSecrets('key');
    const clock = fakeClock();
    const a = fakeGenerate();
    const b = fakeGenerate();
    const first = createTokenManager({ secrets, generate: a.generate, now: clock.now });
    const second = createTokenManager({ secrets, generate: b.generate, now: clock.now });
    await first.token(); // tok-1 from a
    await second.token(); // reuses it
    // a's token is rejected (say the server superseded it); a generates 'tok-2'
    expect(await first.renew('tok-1')).toBe('tok-2');
    // b still holds tok-1; when the server rejects it, b finds tok-2 in the cache
    expect(await second.renew('tok-1')).toBe('tok-2');
    expect(b.state.calls).toBe(0);
  });

  it('renew never returns the rejected token, even while it looks fresh', async () => {
    const { gen, manager } = setup();
    const t = await manager.token();
    expect(await manager.renew(t)).toBe('tok-2');
    expect(await manager.token()).toBe('tok-2');
    expect(gen.state.calls).toBe(2);
  });

  it('refuses before a 10th generation in the trailing hour, without asking', async () => {
    const { clock, gen, manager } = setup();
    for (let i = 1; i <= 9; i++) {
      expect(await manager.renew(`tok-${i - 1}`)).toBe(`tok-${i}`);
      clock.advance(MIN);
    }
    expect(manager.budget()).toEqual({ used: 9, limit: 9 });
    const err = await manager.renew('tok-9').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('TokenBudgetExhausted');
    expect((err as AppError).message).toMatch(/9 tokens .* next one can be made in 51 min/);
    expect(gen.state.calls).toBe(9);
    // The valid token still serves plain token() calls.
    expect(await manager.token()).toBe('tok-9');
    // Once the oldest generation leaves the trailing hour, one more is allowed.
    clock.advance(51 * MIN);
    expect(manager.budget().used).toBe(8);
    expect(await manager.renew('tok-9')).toBe('tok-10');
  });

  it('reads the budget from the cache, so another process’s generations count', async () => {
    const clock = fakeClock();
    const past = Array.from({ length: 9 }, (_, i) => clock.now() - (50 - i) * MIN);
    const secrets = createStaticSecrets('key', { token: null, expiresAt: 0, generations: past });
    const gen = fakeGenerate();
    const manager = createTokenManager({ secrets, generate: gen.generate, now: clock.now });
    await expect(manager.token()).rejects.toMatchObject({ kind: 'TokenBudgetExhausted' });
    expect(gen.state.calls).toBe(0);
  });

  it('does not count a clear refusal, but counts an ambiguous failure', async () => {
    const { gen, manager } = setup();
    gen.state.fail = new AppError('AuthFailed', 'Invalid userName or apiKey');
    await expect(manager.token()).rejects.toMatchObject({ kind: 'AuthFailed' });
    expect(manager.budget().used).toBe(0);
    gen.state.fail = new AppError('Timeout', 'no answer');
    await expect(manager.token()).rejects.toMatchObject({ kind: 'Timeout' });
    expect(manager.budget().used).toBe(1);
  });

  it('shares one failure with concurrent callers and tries afresh afterwards', async () => {
    const { gen, manager } = setup();
    gen.state.fail = new AppError('Network', 'down');
    const results = await Promise.allSettled([manager.token(), manager.token()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(gen.state.calls).toBe(1);
    gen.state.fail = null;
    expect(await manager.token()).toBe('tok-2');
  });
});
