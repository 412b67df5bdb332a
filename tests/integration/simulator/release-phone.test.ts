import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, sim } from './helpers';

// The simulator from the reference pages (get_caservices-releasefwpnumber-php, post_ca-apis-releasefwpnumber,
// post_ca-apis-releasefwpnumber-1, get_caservices-phonemanualdial-php-1), spoken to with plain fetch.
const KEY = DEMO_ACCOUNT.apiKey;
const AGENT = DEMO_ACCOUNT.phones['demo-phone'];
const json = { 'Content-Type': 'application/json' };

function legacyRelease(url: string, q: Record<string, string>) {
  return fetch(`${url}/CAServices/ReleaseFwpNumber.php?${new URLSearchParams(q).toString()}`);
}
function postRelease(url: string, headers: Record<string, string>, body: unknown) {
  return fetch(`${url}/ca_apis/ReleaseFwpNumber`, {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify(body),
  });
}
async function token(url: string): Promise<string> {
  const r = await fetch(`${url}/ca_apis/CAToken/generateToken`, {
    method: 'POST',
    headers: { ...json, apiKey: KEY },
    body: JSON.stringify({ userName: 'demo' }),
  });
  return ((await r.json()) as { token: string }).token;
}

describe('ReleaseFwpNumber, legacy page', () => {
  it('frees a stuck phone: FwpNumbers in JSON labelled text/html', async () => {
    const s = await sim({ stuckPhones: ['demo-phone'] });
    expect(s.phoneState('demo-phone')).toBe('stuck');
    const r = await legacyRelease(s.url, { apiKey: KEY, userName: 'demo', phoneName: 'demo-phone' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(await r.json()).toEqual({ status: 'success', FwpNumbers: [AGENT] });
    expect(s.phoneState('demo-phone')).toBe('free');
  });

  it.each([
    [{ userName: 'demo', phoneName: 'demo-phone' }, 'apiKey cannot be empty'],
    [{ apiKey: KEY, phoneName: 'demo-phone' }, 'userName cannot be empty'],
    [{ apiKey: 'wrong', userName: 'demo', phoneName: 'demo-phone' }, 'userName or apiKey not valid'],
    [{ apiKey: KEY, userName: 'someone', phoneName: 'demo-phone' }, 'userName or apiKey not valid'],
  ])('%j → %s, and the phone stays stuck', async (q, message) => {
    const s = await sim({ stuckPhones: ['demo-phone'] });
    const r = await legacyRelease(s.url, q);
    expect(await r.json()).toEqual({ status: 'error', message });
    expect(s.phoneState('demo-phone')).toBe('stuck');
  });

  it('only the exact-case path and GET answer', async () => {
    const s = await sim();
    const q = new URLSearchParams({ apiKey: KEY, userName: 'demo', phoneName: 'demo-phone' }).toString();
    expect((await fetch(`${s.url}/CAServices/releaseFwpNumber.php?${q}`)).status).toBe(404);
    expect((await fetch(`${s.url}/CAServices/ReleaseFwpNumber.php?${q}`, { method: 'POST' })).status).toBe(
      405,
    );
  });
});

describe('ReleaseFwpNumber, basic and token pages', () => {
  it('basic: apiKey header and {userName, phoneName}; a live call on the phone is disconnected', async () => {
    const s = await sim();
    const ucid = s.createCall({ agentPhoneName: 'demo-phone' });
    const r = await postRelease(s.url, { apiKey: KEY }, { userName: 'demo', phoneName: 'demo-phone' });
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await r.json()).toEqual({ status: 'success', FwpNumbers: [AGENT] });
    expect(s.getCall(ucid)?.live).toBe(false);
  });

  it('a free phone with no call: success, nothing released (inferred)', async () => {
    const s = await sim();
    const r = await postRelease(s.url, { apiKey: KEY }, { userName: 'demo', phoneName: 'demo-phone' });
    expect(await r.json()).toEqual({ status: 'success', FwpNumbers: [] });
  });

  it('token: Bearer token; a stale one answers like every /ca_apis page', async () => {
    const s = await sim({ stuckPhones: ['demo-phone'] });
    const t = await token(s.url);
    const stale = await postRelease(
      s.url,
      { Authorization: 'Bearer nope' },
      { userName: 'demo', phoneName: 'demo-phone' },
    );
    expect(await stale.json()).toEqual({ status: 'false', message: 'Invalid Token', data: null });
    const r = await postRelease(
      s.url,
      { Authorization: `Bearer ${t}` },
      { userName: 'demo', phoneName: 'demo-phone' },
    );
    expect(await r.json()).toEqual({ status: 'success', FwpNumbers: [AGENT] });
  });

  it.each([
    [{ apiKey: KEY }, { phoneName: 'demo-phone' }, 'userName cannot be empty'],
    [{}, { userName: 'demo', phoneName: 'demo-phone' }, 'apiKey cannot be empty'],
    [{ apiKey: 'wrong' }, { userName: 'demo', phoneName: 'demo-phone' }, 'userName or apiKey not valid'],
    [{ apiKey: KEY }, { userName: 'demo' }, 'phoneName cannot be empty'],
    [{ apiKey: KEY }, { userName: 'demo', phoneName: 'nobody' }, 'Phone name not found.'],
  ])('%j %j → %s', async (headers, body, message) => {
    const s = await sim();
    const r = await postRelease(s.url, headers, body);
    expect(await r.json()).toEqual({ status: 'error', message });
  });
});

describe('Phone Manual Dial options against the phone state', () => {
  const dial = (url: string, body: Record<string, unknown>) =>
    fetch(`${url}/ca_apis/PhoneManualDial`, {
      method: 'POST',
      headers: { ...json, apiKey: KEY },
      body: JSON.stringify({
        userName: 'demo',
        custNumber: '09822224444',
        phoneName: 'demo-phone',
        did: DEMO_ACCOUNT.did,
        ...body,
      }),
    });

  it('checkStatus true (boolean or "true") refuses a busy or stuck phone in the simulator’s words; false dials', async () => {
    const s = await sim();
    for (const state of ['busy', 'stuck'] as const) {
      s.setPhoneState('demo-phone', state);
      for (const checkStatus of [true, 'true']) {
        const r = await dial(s.url, { checkStatus });
        expect(await r.json()).toEqual({ status: 'error', message: 'Agent is busy on another call' });
      }
    }
    const r = (await (await dial(s.url, { checkStatus: false, callLimit: 60, uui: 'T-1' })).json()) as {
      status: string;
      message: string;
    };
    expect(r.status).toBe('queued');
    expect(s.getCall(r.message)?.dialOptions).toEqual({ checkStatus: false, callLimit: 60, uui: 'T-1' });
  });

  it('a callLimit that is not a positive whole number is refused (inferred wording)', async () => {
    const s = await sim();
    for (const callLimit of [0, -5, 1.5, 'ten']) {
      expect(await (await dial(s.url, { callLimit })).json()).toEqual({
        status: 'error',
        message: 'Invalid callLimit',
      });
    }
  });
});
