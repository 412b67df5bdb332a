import { describe, expect, it } from 'vitest';
import type { SimAccount } from '../../../electron/simulator/server';
import { DEMO_ACCOUNT, newToken, post, sim, v4 } from './helpers';

const PARTY = '09811112222';
const BASIC = { apiKey: DEMO_ACCOUNT.apiKey };
const MESSAGES: Array<[string, string]> = [
  ['CONFERENCE', 'dialing'],
  ['HOLD', 'User hold is successful'],
  ['UNHOLD', 'Call is Un-hold successfully'],
  ['MUTE', 'call got mute successfully'],
  ['UNMUTE', 'unmute success'],
  ['KICK_CALL', 'call got disconnected'],
];

describe('POST /ca_apis/CallControl_V4 (basic auth)', () => {
  it('runs every action in turn, each answer carrying the ucid', async () => {
    const s = await sim();
    const ucid = s.createCall();
    for (const [action, message] of MESSAGES) {
      const res = await v4(s, { action, ucid, conferenceNumber: PARTY }, BASIC);
      expect(res.json()).toEqual({ status: 'Success', message, ucid });
    }
    expect(s.getCall(ucid)?.participants.get(PARTY)?.state).toBe('dropped');
  });

  it('reports failures with status "false"', async () => {
    const s = await sim();
    const ucid = s.createCall();
    expect((await v4(s, { action: 'HOLD', ucid: '123', conferenceNumber: PARTY }, BASIC)).json()).toEqual({
      status: 'false',
      message: 'Call not Found',
      data: null,
    });
    expect((await v4(s, { action: 'HOLD', ucid, conferenceNumber: PARTY }, BASIC)).json()).toEqual({
      status: 'false',
      message: 'Please pass valid Conference number',
      data: null,
    });
  });

  it("matches the path exactly: another case is the web server's HTML 404", async () => {
    const s = await sim();
    const ucid = s.createCall();
    for (const path of ['/ca_apis/callcontrol_v4', '/CA_APIS/CALLCONTROL_V4']) {
      const body = { action: 'CONFERENCE', ucid, conferenceNumber: PARTY, userName: 'demo' };
      const res = await post(s, path, body, BASIC);
      expect(res.status).toBe(404);
      expect(res.contentType).toMatch(/text\/html/);
      expect(res.text).toMatch(/^<!DOCTYPE html>/);
    }
    expect(s.getCall(ucid)?.participants.size).toBe(0);
  });

  it('accepts sip: true in the body for a SIP participant', async () => {
    const s = await sim();
    const ucid = s.createCall();
    const res = await v4(
      s,
      { action: 'CONFERENCE', ucid, conferenceNumber: 'desk@pbx.example', sip: true },
      BASIC,
    );
    expect(res.json()['status']).toBe('Success');
    expect(s.getCall(ucid)?.participants.get('desk@pbx.example')?.sip).toBe(true);
  });

  it('says which credential is missing', async () => {
    const s = await sim();
    const ucid = s.createCall();
    const fields = { action: 'CONFERENCE', ucid, conferenceNumber: PARTY };
    expect((await v4(s, fields, {})).json()).toEqual({
      status: 'false',
      message: 'Api Key Should Not be Null or Empty.',
      data: null,
    });
    expect((await v4(s, fields, { Authorization: '' })).json()).toEqual({
      status: 'false',
      message: 'Token Should Not be Null or Empty.',
      data: null,
    });
    expect((await v4(s, fields, { Authorization: 'Bearer ' })).json()['message']).toBe(
      'Token Should Not be Null or Empty.',
    );
    expect(s.getCall(ucid)?.participants.size).toBe(0);
  });

  it('refuses an unknown key or a user name that is not the key’s', async () => {
    const s = await sim();
    const ucid = s.createCall();
    const fields = { action: 'CONFERENCE', ucid, conferenceNumber: PARTY };
    for (const [headers, userName] of [
      [{ apiKey: 'wrong' }, 'demo'],
      [BASIC, 'someone-else'],
    ] as const) {
      const res = await v4(s, { ...fields, userName }, headers);
      expect(res.json()).toEqual({ status: 'false', message: 'Invalid User Details', data: null });
    }
    const noUser = await v4(s, { ...fields, userName: undefined }, BASIC);
    expect(noUser.json()).toEqual({
      status: 'false',
      message: 'Username Should Not be Null or Empty.',
      data: null,
    });
  });

  it('answers 400 to a body that is not a JSON object', async () => {
    const s = await sim();
    const res = await post(s, '/ca_apis/CallControl_V4', 'action=HOLD', BASIC);
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ status: 'false', message: 'Invalid request body', data: null });
  });
});

describe('POST /ca_apis/CallControl_V4 (token auth)', () => {
  it('reads the token in its configured form only; another form is no token at all', async () => {
    const s = await sim();
    const ucid = s.createCall();
    const token = await newToken(s);
    const bearer = await v4(
      s,
      { action: 'CONFERENCE', ucid, conferenceNumber: PARTY },
      { Authorization: `Bearer ${token}` },
    );
    expect(bearer.json()).toEqual({ status: 'Success', message: 'dialing', ucid });
    const bare = await v4(s, { action: 'MUTE', ucid, conferenceNumber: PARTY }, { Authorization: token });
    expect(bare.json()).toEqual({
      status: 'false',
      message: 'Token Should Not be Null or Empty.',
      data: null,
    });
    const raw = await sim({ tokenForm: 'raw' });
    const rawUcid = raw.createCall();
    const rawToken = await newToken(raw);
    const asBearer = { Authorization: `Bearer ${rawToken}` };
    expect(
      (await v4(raw, { action: 'CONFERENCE', ucid: rawUcid, conferenceNumber: PARTY }, asBearer)).json(),
    ).toEqual({ status: 'false', message: 'Token Should Not be Null or Empty.', data: null });
    expect(
      (
        await v4(
          raw,
          { action: 'CONFERENCE', ucid: rawUcid, conferenceNumber: PARTY },
          { Authorization: rawToken },
        )
      ).json(),
    ).toEqual({ status: 'Success', message: 'dialing', ucid: rawUcid });
  });

  it('answers Invalid Token to a token it never issued', async () => {
    const s = await sim();
    const ucid = s.createCall();
    const res = await v4(
      s,
      { action: 'CONFERENCE', ucid, conferenceNumber: PARTY },
      { Authorization: 'Bearer eyJnope' },
    );
    expect(res.json()).toEqual({ status: 'false', message: 'Invalid Token', data: null });
    expect(s.getCall(ucid)?.participants.size).toBe(0);
  });

  it('refuses another user’s token with Invalid User Details', async () => {
    const other: SimAccount = { ...DEMO_ACCOUNT, apiKey: 'other-key', userName: 'other' };
    const s = await sim({ accounts: [DEMO_ACCOUNT, other] });
    const ucid = s.createCall();
    const otherToken = await newToken(s, 'other', 'other-key');
    const res = await v4(
      s,
      { action: 'CONFERENCE', ucid, conferenceNumber: PARTY },
      { Authorization: `Bearer ${otherToken}` },
    );
    expect(res.json()['message']).toBe('Invalid User Details');
  });

  it('a token-only account wants a token, a basic-only account an api key', async () => {
    const tokenOnly: SimAccount = { ...DEMO_ACCOUNT, apiKey: 't-key', userName: 'tok', auth: 'token' };
    const basicOnly: SimAccount = { ...DEMO_ACCOUNT, apiKey: 'b-key', userName: 'bas', auth: 'basic' };
    const s = await sim({ accounts: [tokenOnly, basicOnly] });
    const tUcid = s.createCall({ userName: 'tok' });
    const bUcid = s.createCall({ userName: 'bas' });

    const tWithKey = await v4(
      s,
      { action: 'CONFERENCE', ucid: tUcid, conferenceNumber: PARTY, userName: 'tok' },
      { apiKey: 't-key' },
    );
    // The reference: the basic page asked for a token-auth account answers `Token Expired`.
    expect(tWithKey.json()['message']).toBe('Token Expired');
    const tToken = await newToken(s, 'tok', 't-key');
    const tWithToken = await v4(
      s,
      { action: 'CONFERENCE', ucid: tUcid, conferenceNumber: PARTY, userName: 'tok' },
      { Authorization: `Bearer ${tToken}` },
    );
    expect(tWithToken.json()['status']).toBe('Success');

    const bToken = await newToken(s, 'bas', 'b-key');
    const bWithToken = await v4(
      s,
      { action: 'CONFERENCE', ucid: bUcid, conferenceNumber: PARTY, userName: 'bas' },
      { Authorization: `Bearer ${bToken}` },
    );
    expect(bWithToken.json()['message']).toBe('Api Key Should Not be Null or Empty.');
    const bWithKey = await v4(
      s,
      { action: 'CONFERENCE', ucid: bUcid, conferenceNumber: PARTY, userName: 'bas' },
      { apiKey: 'b-key' },
    );
    expect(bWithKey.json()['status']).toBe('Success');
  });
});
