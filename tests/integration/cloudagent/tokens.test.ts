import { afterEach, describe, expect, it } from 'vitest';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/server';
import { MIN, PARTY, clientFor, disposeAll, failureOf, fakeClock, seen } from './helpers';

const GENERATE = '/ca_apis/CAToken/generateToken';
const CALL = '/ca_apis/CallControl_V4';

let sim: Simulator | undefined;
afterEach(async () => {
  await disposeAll();
  await sim?.close();
  sim = undefined;
});

const secrets = () => createStaticSecrets(DEMO_ACCOUNT.apiKey);
const bearerOf = (r: { headers: Record<string, string> }) => r.headers.authorization?.replace(/^Bearer /, '');

describe('token lifecycle against the simulator', () => {
  it('generates one token and reuses it for every action', async () => {
    sim = await startSimulator();
    const { client } = clientFor(sim, { mode: 'token', secrets: secrets() });
    const ucid = sim.createCall();
    for (const action of ['CONFERENCE', 'MUTE', 'UNMUTE', 'HOLD', 'UNHOLD'] as const) {
      await client.callControl({ action, ucid, conferenceNumber: PARTY });
    }
    expect(seen(sim, GENERATE)).toHaveLength(1);
    const tokens = new Set(seen(sim, CALL).map(bearerOf));
    expect([...tokens]).toEqual([sim.tokenFor('demo')?.token]);
    expect(seen(sim, CALL).every((r) => r.headers.apikey === undefined)).toBe(true);
    expect(client.tokenBudget()).toEqual({ used: 1, limit: 9 });
  });

  it('concurrent first actions share one generation', async () => {
    sim = await startSimulator();
    const { client } = clientFor(sim, { mode: 'token', secrets: secrets() });
    const ucid = sim.createCall();
    await Promise.all(
      ['09111111111', '09222222222', '09333333333'].map((n) =>
        client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: n }),
      ),
    );
    expect(seen(sim, GENERATE)).toHaveLength(1);
  });

  it('refreshes ahead of expiry: at 56 minutes a new token is fetched before the action', async () => {
    const clock = fakeClock();
    sim = await startSimulator({ now: clock.now });
    const { client } = clientFor(sim, { mode: 'token', secrets: secrets(), now: clock.now });
    const ucid = sim.createCall();
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    clock.advance(56 * MIN);
    await client.callControl({ action: 'MUTE', ucid, conferenceNumber: PARTY });
    expect(sim.requests.map((r) => r.path)).toEqual([GENERATE, CALL, GENERATE, CALL]);
    const [first, second] = seen(sim, CALL).map(bearerOf);
    expect(first).not.toBe(second);
  });

  it('when the server says Token Expired mid-session, regenerates once and retries once', async () => {
    // The client's clock runs slow: it still trusts its token when the server's has run out.
    const simClock = fakeClock();
    const clientClock = fakeClock();
    sim = await startSimulator({ now: simClock.now });
    const { client, log } = clientFor(sim, { mode: 'token', secrets: secrets(), now: clientClock.now });
    const ucid = sim.createCall();
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    simClock.advance(61 * MIN);
    clientClock.advance(30 * MIN);
    const r = await client.callControl({ action: 'MUTE', ucid, conferenceNumber: PARTY });
    expect(r.message).toBe('call got mute successfully');
    expect(sim.requests.map((q) => q.path)).toEqual([GENERATE, CALL, CALL, GENERATE, CALL]);
    expect(sim.getCall(ucid)?.participants.get(PARTY)?.muted).toBe(true);
    expect(log.lines().some((l) => /TokenExpired/.test(l))).toBe(true);
  });

  it('a superseded token (Invalid Token) is replaced once, then the action succeeds', async () => {
    sim = await startSimulator();
    const a = clientFor(sim, { mode: 'token', secrets: secrets() }).client;
    const b = clientFor(sim, { mode: 'token', secrets: secrets() }).client; // another machine: its own cache
    const ucid = sim.createCall();
    await a.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    await b.callControl({ action: 'MUTE', ucid, conferenceNumber: PARTY }); // its token supersedes a's
    sim.clearRequests();
    await a.callControl({ action: 'UNMUTE', ucid, conferenceNumber: PARTY });
    expect(sim.requests.map((q) => q.path)).toEqual([CALL, GENERATE, CALL]);
  });

  it('spends no second generation when the token it just made is refused', async () => {
    // A server clock that leaps an hour at every look: every token it issues is already expired.
    let t = Date.UTC(2025, 0, 1);
    sim = await startSimulator({ now: () => (t += 61 * MIN) });
    const { client } = clientFor(sim, { mode: 'token', secrets: secrets() });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    expect(e.kind).toBe('AuthFailed');
    expect(e.message).toMatch(/refused a token it had just issued \("Token Expired"\)/);
    expect(sim.requests.map((q) => q.path)).toEqual([GENERATE, CALL]);
  });

  it('a renewed token refused too is AuthFailed, with no third generation and no "try again"', async () => {
    sim = await startSimulator();
    const { client } = clientFor(sim, { mode: 'token', secrets: secrets() });
    const ucid = sim.createCall();
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    sim.clearRequests();
    const expired = {
      kind: 'answer',
      body: '{"status":"false","message":"Token Expired","data":null}',
    } as const;
    sim.injectFault(expired, { path: /CallControl_V4/, times: 2 });
    const e = await failureOf(client.callControl({ action: 'MUTE', ucid, conferenceNumber: PARTY }));
    expect(e.kind).toBe('AuthFailed');
    expect(e.message).toBe('CloudAgent refused the new token too ("Token Expired").');
    expect(e.remedy).toMatch(/generated one new token for this action and stops there/);
    expect(e.remedy).not.toMatch(/try again/i);
    expect(sim.requests.map((q) => q.path)).toEqual([CALL, GENERATE, CALL]);
  });

  it('two clients sharing one SecretSource share one token', async () => {
    sim = await startSimulator();
    const shared = secrets();
    const app = clientFor(sim, { mode: 'token', secrets: shared }).client;
    const cli = clientFor(sim, { mode: 'token', secrets: shared }).client;
    const ucid = sim.createCall();
    await app.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    await cli.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY });
    await app.callControl({ action: 'UNHOLD', ucid, conferenceNumber: PARTY });
    expect(seen(sim, GENERATE)).toHaveLength(1);
    expect(new Set(seen(sim, CALL).map(bearerOf)).size).toBe(1);
    expect(cli.tokenBudget().used).toBe(1);
  });

  it('refuses locally before a 10th generation in the hour, sending nothing', async () => {
    const clock = fakeClock();
    sim = await startSimulator({ now: clock.now });
    const past = Array.from({ length: 9 }, (_, i) => clock.now() - (59 - i) * MIN);
    const full = createStaticSecrets(DEMO_ACCOUNT.apiKey, { token: null, expiresAt: 0, generations: past });
    const { client } = clientFor(sim, { mode: 'token', secrets: full, now: clock.now });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    expect(e.kind).toBe('TokenBudgetExhausted');
    expect(e.message).toMatch(/next one can be made in 1 min/);
    expect(sim.requests).toHaveLength(0);
    clock.advance(MIN);
    const ucid = sim.createCall();
    await expect(
      client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY }),
    ).resolves.toBeTruthy();
  });

  it('maps the server’s own generation limit to TokenBudgetExhausted', async () => {
    sim = await startSimulator();
    // Someone else (another tool) used the account's whole hourly allowance.
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${sim.url}${GENERATE}`, {
        method: 'POST',
        headers: { apiKey: DEMO_ACCOUNT.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ userName: 'demo' }),
      });
      expect(((await res.json()) as { token?: string }).token).toBeTruthy();
    }
    const { client } = clientFor(sim, { mode: 'token', secrets: secrets() });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    expect(e).toMatchObject({ kind: 'TokenBudgetExhausted', message: 'Token generation limit exceeded' });
  });
});
