import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, legacy, sim } from './helpers';

const PARTY = '09811112222';

describe('legacy GET /callcontrol_v4.php', () => {
  it('conferences a party in and answers dialing with the ucid', async () => {
    const s = await sim();
    const ucid = s.createCall();
    const res = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    expect(res.status).toBe(200);
    // A PHP page: JSON labelled text/html unless the script says otherwise.
    expect(res.contentType).toBe('text/html; charset=UTF-8');
    expect(res.json()).toEqual({ status: 'Success', message: 'dialing', ucid });
    expect(s.getCall(ucid)?.participants.get(PARTY)).toEqual({
      number: PARTY,
      sip: false,
      state: 'connected',
      held: false,
      muted: false,
    });
  });

  it.each([
    ['HOLD', 'User hold is successful', { held: true, muted: false }],
    ['UNHOLD', 'Call is Un-hold successfully', { held: false, muted: false }],
    ['MUTE', 'call got mute successfully', { held: false, muted: true }],
    ['UNMUTE', 'unmute success', { held: false, muted: false }],
  ])('%s answers "%s" and changes the participant', async (action, message, flags) => {
    const s = await sim();
    const ucid = s.createCall();
    await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    // Start from the opposite state so UNHOLD/UNMUTE visibly change something.
    if (action === 'UNHOLD') await legacy(s, { action: 'HOLD', ucid, conferenceNumber: PARTY });
    if (action === 'UNMUTE') await legacy(s, { action: 'MUTE', ucid, conferenceNumber: PARTY });
    const res = await legacy(s, { action, ucid, conferenceNumber: PARTY });
    expect(res.json()).toEqual({ status: 'Success', message });
    expect(s.getCall(ucid)?.participants.get(PARTY)).toMatchObject({ state: 'connected', ...flags });
  });

  it('answers in XML when output=xml, for success and failure alike', async () => {
    const s = await sim();
    const ucid = s.createCall();
    await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    const ok = await legacy(s, { action: 'HOLD', ucid, conferenceNumber: PARTY, output: 'xml' });
    expect(ok.contentType).toBe('text/html; charset=UTF-8');
    expect(ok.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><xml><status>Success</status>' +
        '<message>User hold is successful</message></xml>',
    );
    const bad = await legacy(s, { action: 'HOLD', ucid: '1234', conferenceNumber: PARTY, output: 'xml' });
    expect(bad.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><xml><status>Error</status>' +
        '<message>Call not Found</message></xml>',
    );
    const noUser = await legacy(s, {
      action: 'HOLD',
      ucid,
      conferenceNumber: PARTY,
      api_key: 'x',
      output: 'xml',
    });
    expect(noUser.text).toContain('<status>Error</status><message>Invalid User Details</message>');
  });

  it('refuses an unknown or missing api_key with Invalid User Details', async () => {
    const s = await sim();
    const ucid = s.createCall();
    for (const api_key of ['not-a-key', '']) {
      const res = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY, api_key });
      expect(res.json()).toEqual({ status: 'Error', message: 'Invalid User Details' });
    }
    expect(s.getCall(ucid)?.participants.size).toBe(0);
  });

  it('answers Call not Found for an unknown, an ended and another account’s call', async () => {
    const other = { ...DEMO_ACCOUNT, apiKey: 'other-key', userName: 'other' };
    const s = await sim({ accounts: [DEMO_ACCOUNT, other] });
    const ended = s.createCall();
    s.endCall(ended);
    const othersCall = s.createCall({ userName: 'other' });
    for (const ucid of ['9999999999999999', ended, othersCall]) {
      const res = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
      expect(res.json()).toEqual({ status: 'Error', message: 'Call not Found' });
    }
    expect(s.getCall(ended)?.live).toBe(false);
  });

  it('refuses a conference number that is not 0 + 10 digits on the India instance', async () => {
    const s = await sim();
    const ucid = s.createCall();
    for (const conferenceNumber of ['9811112222', '+919811112222', '0981111222x', '']) {
      const res = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber });
      expect(res.json()).toEqual({ status: 'Error', message: 'Please pass valid Conference number' });
    }
    expect(s.getCall(ucid)?.participants.size).toBe(0);
  });

  it('takes E.164 numbers (and refuses India-style ones) on the international instance', async () => {
    const s = await sim({ numberFormat: 'intl' });
    const ucid = s.createCall();
    expect(
      (await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: '+14155550123' })).json(),
    ).toMatchObject({
      status: 'Success',
    });
    expect((await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY })).json()).toEqual({
      status: 'Error',
      message: 'Please pass valid Conference number',
    });
  });

  it('takes a SIP address or extension only with sip=true', async () => {
    const s = await sim();
    const ucid = s.createCall();
    const without = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: 'desk@pbx.example' });
    expect(without.json()['message']).toBe('Please pass valid Conference number');
    for (const conferenceNumber of ['desk@pbx.example', '2001']) {
      const res = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber, sip: 'true' });
      expect(res.json()).toMatchObject({ status: 'Success', message: 'dialing' });
      expect(s.getCall(ucid)?.participants.get(conferenceNumber)?.sip).toBe(true);
    }
  });

  it('refuses HOLD/UNHOLD/MUTE/UNMUTE/KICK_CALL on a number that is not connected', async () => {
    const s = await sim();
    const ucid = s.createCall();
    await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    await legacy(s, { action: 'KICK_CALL', ucid, conferenceNumber: PARTY });
    for (const action of ['HOLD', 'UNHOLD', 'MUTE', 'UNMUTE', 'KICK_CALL']) {
      for (const conferenceNumber of [PARTY, '09833334444']) {
        const res = await legacy(s, { action, ucid, conferenceNumber });
        expect(res.json()).toEqual({ status: 'Error', message: 'Please pass valid Conference number' });
      }
    }
  });

  it('KICK_CALL with the agent’s own number drops every connected third party', async () => {
    const s = await sim();
    const ucid = s.createCall();
    const agentNumber = s.getCall(ucid)?.agentNumber;
    expect(agentNumber).toBe(DEMO_ACCOUNT.phones['demo-phone']);
    for (const n of [PARTY, '09833334444'])
      await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: n });
    const res = await legacy(s, { action: 'KICK_CALL', ucid, conferenceNumber: agentNumber ?? '' });
    expect(res.json()).toEqual({ status: 'Success', message: 'call got disconnected' });
    const states = [...(s.getCall(ucid)?.participants.values() ?? [])].map((p) => p.state);
    expect(states).toEqual(['dropped', 'dropped']);
    // The call itself goes on: a new party can still be added.
    expect((await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY })).json()['status']).toBe(
      'Success',
    );
  });

  it('KICK_CALL with a third party’s number drops only that party', async () => {
    const s = await sim();
    const ucid = s.createCall();
    for (const n of [PARTY, '09833334444'])
      await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: n });
    const res = await legacy(s, { action: 'KICK_CALL', ucid, conferenceNumber: PARTY });
    expect(res.json()).toEqual({ status: 'Success', message: 'call got disconnected' });
    expect(s.getCall(ucid)?.participants.get(PARTY)?.state).toBe('dropped');
    expect(s.getCall(ucid)?.participants.get('09833334444')?.state).toBe('connected');
  });

  it('refuses an action that is not one of the six', async () => {
    const s = await sim();
    const ucid = s.createCall();
    const res = await legacy(s, { action: 'TRANSFER', ucid, conferenceNumber: PARTY });
    expect(res.json()).toEqual({ status: 'Error', message: 'Invalid action' });
  });

  it('ends a call: every later action answers Call not Found', async () => {
    const s = await sim();
    const ucid = s.createCall();
    await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    s.endCall(ucid);
    const res = await legacy(s, { action: 'HOLD', ucid, conferenceNumber: PARTY });
    expect(res.json()).toEqual({ status: 'Error', message: 'Call not Found' });
    expect(s.getCall(ucid)?.participants.get(PARTY)?.state).toBe('dropped');
  });
});
