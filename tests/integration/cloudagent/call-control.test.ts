import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, type Action, type ApiMode } from '../../../electron/core/cloudagent/types';
import { CALL_CONTROL_MESSAGES } from '../../../electron/core/cloudagent/call-control';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import {
  DEMO_ACCOUNT,
  startSimulator,
  type SimAccount,
  type Simulator,
} from '../../../electron/simulator/server';
import { AGENT_NUMBER, PARTY, clientFor, disposeAll, failureOf } from './helpers';

const TOKEN_ONLY: SimAccount = { ...DEMO_ACCOUNT, apiKey: 'token-only-key', userName: 'tok', auth: 'token' };
const BASIC_ONLY: SimAccount = { ...DEMO_ACCOUNT, apiKey: 'basic-only-key', userName: 'bas', auth: 'basic' };

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ accounts: [DEMO_ACCOUNT, TOKEN_ONLY, BASIC_ONLY] });
});
afterAll(() => sim.close());
afterEach(disposeAll);

const variants: Array<{ name: string; mode: ApiMode; output?: 'json' | 'xml' }> = [
  { name: 'legacy json', mode: 'legacy', output: 'json' },
  { name: 'legacy xml', mode: 'legacy', output: 'xml' },
  { name: 'basic', mode: 'basic' },
  { name: 'token', mode: 'token' },
];

describe.each(variants)('call control, $name', ({ mode, output }) => {
  it('runs every action through a conference and reads each success message', async () => {
    const { client } = clientFor(sim, { mode, output });
    const ucid = sim.createCall();
    const steps: Array<[Action, string]> = [
      ['CONFERENCE', PARTY],
      ['MUTE', PARTY],
      ['UNMUTE', PARTY],
      ['HOLD', PARTY],
      ['UNHOLD', PARTY],
      ['KICK_CALL', PARTY],
    ];
    expect(steps.map(([a]) => a).sort()).toEqual([...ACTIONS].sort());
    for (const [action, conferenceNumber] of steps) {
      const result = await client.callControl({ action, ucid, conferenceNumber });
      expect(result).toMatchObject({ action, ucid, message: CALL_CONTROL_MESSAGES[action] });
      expect(result.status.toLowerCase()).toBe('success');
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      const party = sim.getCall(ucid)?.participants.get(PARTY);
      if (action === 'MUTE') expect(party?.muted).toBe(true);
      if (action === 'UNMUTE') expect(party?.muted).toBe(false);
      if (action === 'HOLD') expect(party?.held).toBe(true);
      if (action === 'UNHOLD') expect(party?.held).toBe(false);
    }
    expect(sim.getCall(ucid)?.participants.get(PARTY)?.state).toBe('dropped');
  });

  it('KICK_CALL with the agent’s own number drops every third party', async () => {
    const { client } = clientFor(sim, { mode, output });
    const ucid = sim.createCall();
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: '09123456789' });
    const r = await client.callControl({ action: 'KICK_CALL', ucid, conferenceNumber: AGENT_NUMBER });
    expect(r.message).toBe('call got disconnected');
    const states = [...(sim.getCall(ucid)?.participants.values() ?? [])].map((p) => p.state);
    expect(states).toEqual(['dropped', 'dropped']);
  });

  it('conferences a SIP participant (sip flag sent only then)', async () => {
    const { client } = clientFor(sim, { mode, output });
    const ucid = sim.createCall();
    sim.clearRequests();
    await client.callControl({
      action: 'CONFERENCE',
      ucid,
      conferenceNumber: 'bob@pbx.example.com',
      sip: true,
    });
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    expect(sim.getCall(ucid)?.participants.get('bob@pbx.example.com')).toMatchObject({
      sip: true,
      state: 'connected',
    });
    const calls = sim.requests.filter((r) => /callcontrol/i.test(r.path));
    const sipFlags = calls.map((r) => (mode === 'legacy' ? r.query.sip : JSON.parse(r.body).sip));
    expect(sipFlags).toEqual(mode === 'legacy' ? ['true', undefined] : [true, undefined]);
    if (mode === 'legacy') expect(calls.map((r) => r.query.output)).toEqual([output, output]);
  });

  it('Call not Found for an unknown ucid and for a call that ended', async () => {
    const { client } = clientFor(sim, { mode, output });
    const unknown = await failureOf(
      client.callControl({ action: 'HOLD', ucid: '1111222233334444', conferenceNumber: PARTY }),
    );
    expect(unknown).toMatchObject({ kind: 'CallNotFound', message: 'Call not Found' });
    const ucid = sim.createCall();
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    sim.endCall(ucid);
    const ended = await failureOf(client.callControl({ action: 'MUTE', ucid, conferenceNumber: PARTY }));
    expect(ended.kind).toBe('CallNotFound');
  });

  it('Please pass valid Conference number for a wrongly formatted number and for a non-participant', async () => {
    const { client } = clientFor(sim, { mode, output });
    const ucid = sim.createCall();
    const badFormat = await failureOf(
      client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: '12345' }),
    );
    expect(badFormat).toMatchObject({
      kind: 'InvalidNumber',
      message: 'Please pass valid Conference number',
    });
    const stranger = await failureOf(
      client.callControl({ action: 'HOLD', ucid, conferenceNumber: '09111111111' }),
    );
    expect(stranger.kind).toBe('InvalidNumber');
  });

  it('Invalid User Details for a wrong api_key', async () => {
    const { client } = clientFor(sim, { mode, output, secrets: createStaticSecrets('wrong-key') });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    if (mode === 'token') {
      // The token is asked for first, and generateToken words it differently.
      expect(e).toMatchObject({ kind: 'AuthFailed', message: 'Invalid userName or apiKey' });
    } else {
      expect(e).toMatchObject({ kind: 'AuthFailed', message: 'Invalid User Details' });
    }
  });

  it('refuses bad input locally: nothing reaches the server', async () => {
    const { client } = clientFor(sim, { mode, output });
    sim.clearRequests();
    const e = await failureOf(client.callControl({ action: 'HOLD', ucid: '12-34', conferenceNumber: PARTY }));
    expect(e.kind).toBe('InvalidInput');
    const empty = await failureOf(client.callControl({ action: 'HOLD', ucid: '1234', conferenceNumber: '' }));
    expect(empty.kind).toBe('InvalidInput');
    expect(sim.requests).toHaveLength(0);
  });
});

describe('auth mode mismatches', () => {
  it('basic mode against a token-only account: AuthFailed telling to switch to Token', async () => {
    const { client } = clientFor(sim, {
      mode: 'basic',
      userName: 'tok',
      secrets: createStaticSecrets(TOKEN_ONLY.apiKey),
    });
    const e = await failureOf(
      client.callControl({
        action: 'HOLD',
        ucid: sim.createCall({ userName: 'tok' }),
        conferenceNumber: PARTY,
      }),
    );
    // The reference: a basic page asked for a token-auth account answers `Token Expired`.
    expect(e).toMatchObject({ kind: 'AuthFailed', message: 'Token Expired' });
    expect(e.remedy).toMatch(/API mode to Token/);
  });

  it('token mode against a basic-only account: Api Key Should Not be Null or Empty.', async () => {
    const { client } = clientFor(sim, {
      mode: 'token',
      userName: 'bas',
      secrets: createStaticSecrets(BASIC_ONLY.apiKey),
    });
    const e = await failureOf(
      client.callControl({
        action: 'HOLD',
        ucid: sim.createCall({ userName: 'bas' }),
        conferenceNumber: PARTY,
      }),
    );
    expect(e).toMatchObject({ kind: 'AuthFailed', message: 'Api Key Should Not be Null or Empty.' });
  });

  it('a token-only account works in token mode', async () => {
    const { client } = clientFor(sim, {
      mode: 'token',
      userName: 'tok',
      secrets: createStaticSecrets(TOKEN_ONLY.apiKey),
    });
    const ucid = sim.createCall({ userName: 'tok' });
    await expect(
      client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY }),
    ).resolves.toMatchObject({
      message: 'dialing',
    });
  });

  it('another account’s call is not found', async () => {
    const { client } = clientFor(sim, { mode: 'basic' });
    const e = await failureOf(
      client.callControl({
        action: 'HOLD',
        ucid: sim.createCall({ userName: 'bas' }),
        conferenceNumber: PARTY,
      }),
    );
    expect(e.kind).toBe('CallNotFound');
  });
});

describe('no api key stored', () => {
  it('says NoApiKey in every mode and sends nothing', async () => {
    sim.clearRequests();
    for (const mode of ['legacy', 'basic', 'token'] as const) {
      const { client } = clientFor(sim, { mode, secrets: createStaticSecrets(null) });
      const e = await failureOf(
        client.callControl({ action: 'HOLD', ucid: '1234', conferenceNumber: PARTY }),
      );
      expect(e.kind).toBe('NoApiKey');
    }
    expect(sim.requests).toHaveLength(0);
  });
});
