import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, fakeClock, get, legacy, newToken, post, sim } from './helpers';

const CUSTOMER = '09822223333';

function legacyDial(s: Awaited<ReturnType<typeof sim>>, overrides: Record<string, string> = {}) {
  const q = new URLSearchParams({
    apiKey: DEMO_ACCOUNT.apiKey,
    userName: 'demo',
    custNumber: CUSTOMER,
    phoneName: 'demo-phone',
    did: DEMO_ACCOUNT.did,
    ...overrides,
  });
  return get(s, `/CAServices/PhoneManualDial.php?${q.toString()}`);
}

const dialBody = (overrides: Record<string, string> = {}) => ({
  userName: 'demo',
  custNumber: CUSTOMER,
  phoneName: 'demo-phone',
  did: DEMO_ACCOUNT.did,
  ...overrides,
});

describe('Phone Manual Dial', () => {
  it('GET queues a call and returns its ucid; the call is live and takes conference actions', async () => {
    const s = await sim();
    const res = await legacyDial(s);
    const body = res.json();
    expect(body['status']).toBe('queued');
    const ucid = String(body['message']);
    expect(ucid).toMatch(/^\d{16}$/);
    expect(s.getCall(ucid)).toMatchObject({
      ucid,
      live: true,
      userName: 'demo',
      agentPhoneName: 'demo-phone',
      agentNumber: DEMO_ACCOUNT.phones['demo-phone'],
      customerNumber: CUSTOMER,
    });
    const conf = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: '09811112222' });
    expect(conf.json()).toEqual({ status: 'Success', message: 'dialing', ucid });
  });

  it('POST with a Bearer token or the apiKey header queues a call', async () => {
    const s = await sim();
    const token = await newToken(s);
    const byToken = await post(s, '/ca_apis/PhoneManualDial', dialBody(), {
      Authorization: `Bearer ${token}`,
    });
    const byKey = await post(s, '/ca_apis/PhoneManualDial', dialBody(), { apiKey: DEMO_ACCOUNT.apiKey });
    for (const res of [byToken, byKey]) {
      expect(res.json()['status']).toBe('queued');
      expect(s.getCall(String(res.json()['message']))?.live).toBe(true);
    }
    expect(byToken.json()['message']).not.toBe(byKey.json()['message']);
  });

  it('accepts an offline campaign and refuses any other', async () => {
    const s = await sim();
    expect((await legacyDial(s, { campaignName: 'Demo_Offline' })).json()['status']).toBe('queued');
    expect((await legacyDial(s, { campaignName: 'Inbound_Sales' })).json()).toEqual({
      status: 'error',
      message: 'campaign IS NOT offline',
    });
    const viaPost = await post(s, '/ca_apis/PhoneManualDial', dialBody({ campaignName: 'Inbound_Sales' }), {
      apiKey: DEMO_ACCOUNT.apiKey,
    });
    expect(viaPost.json()).toEqual({ status: 'error', message: 'campaign IS NOT offline' });
  });

  it('refuses bad credentials with Authentication failed.', async () => {
    const s = await sim();
    const overrides: Record<string, string>[] = [{ apiKey: 'wrong' }, { userName: 'nobody' }, { apiKey: '' }];
    for (const o of overrides) {
      expect((await legacyDial(s, o)).json()).toEqual({
        status: 'error',
        message: 'Authentication failed.',
      });
    }
    const headerSets: Record<string, string>[] = [{ apiKey: 'wrong' }, {}];
    for (const headers of headerSets) {
      const res = await post(s, '/ca_apis/PhoneManualDial', dialBody(), headers);
      expect(res.json()).toEqual({ status: 'error', message: 'Authentication failed.' });
    }
  });

  it('answers token trouble on POST the way every /ca_apis endpoint does', async () => {
    const clock = fakeClock();
    const s = await sim({ now: clock.now });
    const token = await newToken(s);
    clock.advance(60 * 60_000);
    const expired = await post(s, '/ca_apis/PhoneManualDial', dialBody(), {
      Authorization: `Bearer ${token}`,
    });
    expect(expired.json()).toEqual({ status: 'false', message: 'Token Expired', data: null });
    const unknown = await post(s, '/ca_apis/PhoneManualDial', dialBody(), { Authorization: 'Bearer eyJx' });
    expect(unknown.json()).toEqual({ status: 'false', message: 'Invalid Token', data: null });
  });

  it('refuses an unknown phone name and an invalid customer number', async () => {
    const s = await sim();
    expect((await legacyDial(s, { phoneName: 'desk-9' })).json()).toEqual({
      status: 'error',
      message: 'Phone name not found.',
    });
    expect((await legacyDial(s, { phoneName: 'toString' })).json()['message']).toBe('Phone name not found.');
    for (const custNumber of ['12345', 'call-me', '']) {
      expect((await legacyDial(s, { custNumber })).json()).toEqual({
        status: 'error',
        message: 'Invalid customer number',
      });
    }
    const viaPost = await post(s, '/ca_apis/PhoneManualDial', dialBody({ phoneName: 'desk-9' }), {
      apiKey: DEMO_ACCOUNT.apiKey,
    });
    expect(viaPost.json()).toEqual({ status: 'error', message: 'Phone name not found.' });
  });
});
