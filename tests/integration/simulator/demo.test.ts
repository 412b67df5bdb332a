import { afterEach, describe, expect, it } from 'vitest';
import { startDemoSimulator, type DemoSimulator } from '../../../electron/simulator/demo';
import { legacy, newToken, v4 } from './helpers';

let demo: DemoSimulator | undefined;
afterEach(async () => {
  await demo?.simulator.close();
  demo = undefined;
});

describe('startDemoSimulator', () => {
  it('returns settings that work against the simulator, and a live demo call', async () => {
    demo = await startDemoSimulator();
    const { simulator: s, account, apiKey, ucid } = demo;
    expect(account).toEqual({
      baseUrl: s.url,
      region: 'in',
      userName: 'demo',
      did: '08047000000',
      agentPhoneName: 'demo-phone',
      agentNumber: '09800000001',
      campaignName: 'Demo_Offline',
    });
    expect(account.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.getCall(ucid)?.live).toBe(true);

    const token = await newToken(s, account.userName, apiKey);
    const add = await v4(
      s,
      {
        action: 'CONFERENCE',
        ucid,
        conferenceNumber: '09811112222',
        did: account.did,
        agentPhoneName: account.agentPhoneName,
      },
      { Authorization: `Bearer ${token}` },
    );
    expect(add.json()).toEqual({ status: 'Success', message: 'dialing', ucid });
    const kick = await legacy(s, {
      action: 'KICK_CALL',
      ucid,
      conferenceNumber: account.agentNumber,
      api_key: apiKey,
    });
    expect(kick.json()).toEqual({ status: 'Success', message: 'call got disconnected' });
    expect(s.getCall(ucid)?.participants.get('09811112222')?.state).toBe('dropped');
  });

  it('passes the number format through as the region', async () => {
    demo = await startDemoSimulator({ numberFormat: 'intl' });
    expect(demo.account.region).toBe('intl');
    const res = await legacy(demo.simulator, {
      action: 'CONFERENCE',
      ucid: demo.ucid,
      conferenceNumber: '+14155550123',
    });
    expect(res.json()['status']).toBe('Success');
  });
});
