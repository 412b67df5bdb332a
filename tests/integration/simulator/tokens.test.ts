import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, fakeClock, newToken, post, sim, v4 } from './helpers';

const MINUTE = 60_000;
const PARTY = '09811112222';
const generate = (s: Awaited<ReturnType<typeof sim>>, body: unknown, headers: Record<string, string>) =>
  post(s, '/ca_apis/CAToken/generateToken', body, headers);

describe('POST /ca_apis/CAToken/generateToken', () => {
  it('issues a JWT-shaped token with an empty message', async () => {
    const clock = fakeClock();
    const s = await sim({ now: clock.now });
    const res = await generate(s, { userName: 'demo' }, { apiKey: DEMO_ACCOUNT.apiKey });
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['message', 'token']);
    expect(body['message']).toBe('');
    expect(body['token']).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(s.tokenFor('demo')).toEqual({ token: body['token'], expiresAt: clock.now() + 60 * MINUTE });
    expect(JSON.stringify(body)).not.toContain(DEMO_ACCOUNT.apiKey);
  });

  it('refuses a missing user name and a wrong user or key', async () => {
    const s = await sim();
    expect((await generate(s, {}, { apiKey: DEMO_ACCOUNT.apiKey })).json()).toEqual({
      status: 'false',
      message: 'UserName is null',
    });
    for (const [userName, headers] of [
      ['demo', { apiKey: 'wrong' }],
      ['nobody', { apiKey: DEMO_ACCOUNT.apiKey }],
    ] as const) {
      expect((await generate(s, { userName }, headers)).json()).toEqual({
        status: 'false',
        message: 'Invalid userName or apiKey',
      });
    }
    // No key at all: answered as other CloudAgent endpoints answer it, 401 with a JSON body.
    const noKey = await generate(s, { userName: 'demo' }, {});
    expect(noKey.status).toBe(401);
    expect(noKey.json()).toEqual({ status: 'false', message: 'Missing userName or apiKey' });
    expect(s.tokenFor('demo')).toBeUndefined();
  });

  it('a token works for 60 minutes, then answers Token Expired', async () => {
    const clock = fakeClock();
    const s = await sim({ now: clock.now });
    const ucid = s.createCall();
    const auth = { Authorization: `Bearer ${await newToken(s)}` };
    clock.advance(60 * MINUTE - 1);
    expect(
      (await v4(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY }, auth)).json()['status'],
    ).toBe('Success');
    clock.advance(1);
    expect(s.tokenFor('demo')).toBeUndefined();
    expect((await v4(s, { action: 'HOLD', ucid, conferenceNumber: PARTY }, auth)).json()).toEqual({
      status: 'false',
      message: 'Token Expired',
      data: null,
    });
    expect(s.getCall(ucid)?.participants.get(PARTY)?.held).toBe(false);
  });

  it('a new token invalidates the previous one', async () => {
    const clock = fakeClock();
    const s = await sim({ now: clock.now });
    const ucid = s.createCall();
    const first = await newToken(s);
    clock.advance(MINUTE);
    const second = await newToken(s);
    expect(second).not.toBe(first);
    expect(s.tokenFor('demo')?.token).toBe(second);
    const old = await v4(
      s,
      { action: 'CONFERENCE', ucid, conferenceNumber: PARTY },
      { Authorization: `Bearer ${first}` },
    );
    expect(old.json()).toEqual({ status: 'false', message: 'Invalid Token', data: null });
    const fresh = await v4(
      s,
      { action: 'CONFERENCE', ucid, conferenceNumber: PARTY },
      { Authorization: `Bearer ${second}` },
    );
    expect(fresh.json()['status']).toBe('Success');
  });

  it('allows 10 tokens per user in any trailing hour', async () => {
    const clock = fakeClock();
    const other = { ...DEMO_ACCOUNT, apiKey: 'other-key', userName: 'other' };
    const s = await sim({ now: clock.now, accounts: [DEMO_ACCOUNT, other] });
    let last = '';
    for (let i = 0; i < 10; i += 1) {
      last = await newToken(s);
      clock.advance(MINUTE);
    }
    const limited = await generate(s, { userName: 'demo' }, { apiKey: DEMO_ACCOUNT.apiKey });
    expect(limited.json()).toEqual({ status: 'false', message: 'Token generation limit exceeded' });
    // The budget is per user, and a refusal does not cost anything.
    await expect(newToken(s, 'other', 'other-key')).resolves.toMatch(/^eyJ/);
    // A refusal leaves the current token in place.
    expect(s.tokenFor('demo')?.token).toBe(last);

    // The first generation (at t0) leaves the window at t0 + 60 min; now is t0 + 10 min.
    clock.advance(50 * MINUTE - 1);
    expect((await generate(s, { userName: 'demo' }, { apiKey: DEMO_ACCOUNT.apiKey })).json()['message']).toBe(
      'Token generation limit exceeded',
    );
    clock.advance(1);
    await expect(newToken(s)).resolves.toMatch(/^eyJ/);
    expect((await generate(s, { userName: 'demo' }, { apiKey: DEMO_ACCOUNT.apiKey })).json()['message']).toBe(
      'Token generation limit exceeded',
    );
  });
});
