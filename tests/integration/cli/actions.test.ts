import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_CONTROL_MESSAGES } from '../../../electron/core/cloudagent/call-control';
import type { Action, ApiMode } from '../../../shared/cloudagent';
import { createConfBackend } from '../../../electron/core/settings/conf-backend';
import { createSettingsStore } from '../../../electron/core/settings/store';
import type { Simulator, SimRequest } from '../../../electron/simulator/server';
import {
  ACCOUNT,
  AGENT,
  PARTY,
  PHONE,
  SECRET,
  accountArgs,
  apiRequests,
  callWithParty,
  confbar,
  sim,
  tempHome,
} from './helpers';

const NEW_PARTY = '09876543210';

/** The fields of a call-control or dial request, wherever the mode puts them. */
function fields(r: SimRequest): Record<string, string> {
  return r.method === 'GET' ? r.query : (JSON.parse(r.body) as Record<string, string>);
}

/** Asserts how the request was authorised, per mode. */
function expectAuthorisedFor(mode: ApiMode, r: SimRequest): void {
  if (mode === 'legacy') {
    expect(r.method).toBe('GET');
    expect(r.query['api_key']).toBe(SECRET);
  } else if (mode === 'basic') {
    expect(r.method).toBe('POST');
    expect(r.headers['apikey']).toBe(SECRET);
    expect(r.headers['authorization']).toBeUndefined();
  } else {
    expect(r.method).toBe('POST');
    expect(r.headers['authorization']).toMatch(/^Bearer eyJ/);
    expect(r.headers['apikey']).toBeUndefined();
  }
}

const controlRequests = (s: Simulator) => apiRequests(s).filter((r) => /callcontrol_v4/i.test(r.path));

describe.each(['legacy', 'basic', 'token'] as const)('confbar in %s mode', (mode) => {
  it('runs all six actions on a live call; each one changes the call and prints its result', async () => {
    const s = await sim();
    const ucid = s.createCall({ userName: ACCOUNT.userName, agentPhoneName: PHONE });
    const party = () => s.getCall(ucid)?.participants.get(NEW_PARTY);
    // A spelling the agent might paste: normalised to 0 + 10 digits before sending.
    const typed = '+91 98765-43210';
    const steps: Array<{ args: string[]; action: Action; check: () => void }> = [
      {
        args: ['conference', typed],
        action: 'CONFERENCE',
        check: () => expect(party()?.state).toBe('connected'),
      },
      { args: ['mute', typed], action: 'MUTE', check: () => expect(party()?.muted).toBe(true) },
      { args: ['unmute', typed], action: 'UNMUTE', check: () => expect(party()?.muted).toBe(false) },
      { args: ['hold', typed], action: 'HOLD', check: () => expect(party()?.held).toBe(true) },
      { args: ['unhold', typed], action: 'UNHOLD', check: () => expect(party()?.held).toBe(false) },
      { args: ['kick'], action: 'KICK_CALL', check: () => expect(party()?.state).toBe('dropped') },
    ];
    for (const step of steps) {
      s.clearRequests();
      const r = await confbar([...step.args, '--ucid', ucid, ...accountArgs(s, mode)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toContain(step.action);
      expect(r.stdout).toContain(CALL_CONTROL_MESSAGES[step.action]);
      step.check();
      const sent = controlRequests(s);
      expect(sent).toHaveLength(1);
      const request = sent[0] as SimRequest;
      expectAuthorisedFor(mode, request);
      expect(fields(request)).toMatchObject({
        action: step.action,
        ucid,
        // kick without a number sends the agent's own number (the documented rule).
        conferenceNumber: step.action === 'KICK_CALL' ? AGENT : NEW_PARTY,
      });
    }
  });

  it('kick with a number drops only that participant', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    s.getCall(ucid)?.participants.set(NEW_PARTY, {
      number: NEW_PARTY,
      sip: false,
      state: 'connected',
      held: false,
      muted: false,
    });
    const r = await confbar(['kick', PARTY, '--ucid', ucid, ...accountArgs(s, mode)]);
    expect(r.code).toBe(0);
    expect(s.getCall(ucid)?.participants.get(PARTY)?.state).toBe('dropped');
    expect(s.getCall(ucid)?.participants.get(NEW_PARTY)?.state).toBe('connected');
    expect(fields(controlRequests(s)[0] as SimRequest).conferenceNumber).toBe(PARTY);
  });

  it('dial prints only the new ucid on stdout, and conference works on that call', async () => {
    const s = await sim();
    const dial = await confbar([
      'dial',
      '98765 00000',
      '--campaign',
      'Demo_Offline',
      ...accountArgs(s, mode),
    ]);
    expect(dial.code).toBe(0);
    const ucid = dial.stdout.trim();
    expect(ucid).toMatch(/^\d+$/);
    expect(s.getCall(ucid)).toMatchObject({
      live: true,
      customerNumber: '09876500000',
      agentPhoneName: PHONE,
    });
    expect(dial.stderr).toContain('09876500000');

    const conf = await confbar(['conference', PARTY, '--ucid', ucid, ...accountArgs(s, mode), '--json']);
    expect(conf.code).toBe(0);
    expect(conf.json()).toMatchObject({ ok: true, action: 'CONFERENCE', ucid });
    expect(s.getCall(ucid)?.participants.get(PARTY)?.state).toBe('connected');
  });
});

describe('numbers and formats', () => {
  it('sends a SIP address as typed with --sip', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const sipAddress = 'Supervisor.1@pbx.example.com';
    const r = await confbar(['conference', sipAddress, '--sip', '--ucid', ucid, ...accountArgs(s, 'basic')]);
    expect(r.code).toBe(0);
    const sent = fields(controlRequests(s)[0] as SimRequest);
    expect(sent.conferenceNumber).toBe(sipAddress);
    expect(s.getCall(ucid)?.participants.get(sipAddress)?.sip).toBe(true);
  });

  it('asks the legacy endpoint for XML with --output xml and reads the XML answer', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const r = await confbar([
      'hold',
      PARTY,
      '--ucid',
      ucid,
      ...accountArgs(s, 'legacy'),
      '--output',
      'xml',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      ok: true,
      action: 'HOLD',
      status: 'Success',
      message: CALL_CONTROL_MESSAGES.HOLD,
    });
    expect((controlRequests(s)[0] as SimRequest).query['output']).toBe('xml');
    expect(s.getCall(ucid)?.participants.get(PARTY)?.held).toBe(true);
  });

  it('normalises international numbers with --region intl', async () => {
    const s = await sim({ numberFormat: 'intl' });
    const ucid = s.createCall({ userName: ACCOUNT.userName, agentPhoneName: PHONE });
    const r = await confbar([
      'conference',
      '001 415 555 0123',
      '--ucid',
      ucid,
      ...accountArgs(s, 'token'),
      '--region',
      'intl',
    ]);
    expect(r.code).toBe(0);
    expect(fields(controlRequests(s)[0] as SimRequest).conferenceNumber).toBe('+14155550123');
  });

  it('takes the ucid out of a pasted link', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const r = await confbar([
      'mute',
      PARTY,
      '--ucid',
      `https://crm.example/calls?ucid=${ucid}&tab=1`,
      ...accountArgs(s, 'basic'),
    ]);
    expect(r.code).toBe(0);
    expect(s.getCall(ucid)?.participants.get(PARTY)?.muted).toBe(true);
  });
});

describe("the app's saved settings", () => {
  function saveSettings(dir: string, s: Simulator, mode: ApiMode): string {
    const backend = createConfBackend({ cwd: dir, projectName: 'confbar' });
    createSettingsStore({ backend, warn: () => {} }).update({
      account: {
        baseUrl: s.url,
        mode,
        userName: ACCOUNT.userName,
        did: ACCOUNT.did,
        agentPhoneName: PHONE,
        agentNumber: AGENT,
      },
    });
    return backend.path;
  }

  it('are used when no option is given, options override them, and the file is left as it was', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const home = tempHome();
    const file = saveSettings(path.join(home, 'settings'), s, 'basic');
    const before = fs.readFileSync(file, 'utf8');

    const saved = await confbar(['hold', PARTY, '--ucid', ucid], { home });
    expect(saved.code).toBe(0);
    expect(controlRequests(s).at(-1)?.headers['apikey']).toBe(SECRET); // basic, from the file

    const overridden = await confbar(['unhold', PARTY, '--ucid', ucid, '--mode', 'legacy'], { home });
    expect(overridden.code).toBe(0);
    expect(controlRequests(s).at(-1)?.method).toBe('GET'); // legacy, from the option
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it.skipIf(process.platform !== 'linux')(
    'are found where the app keeps them (Linux: $XDG_CONFIG_HOME/ConfBar) when CONFBAR_SETTINGS_DIR is unset',
    async () => {
      const s = await sim();
      const ucid = callWithParty(s);
      const home = tempHome();
      saveSettings(path.join(home, '.config', 'ConfBar'), s, 'token');
      const r = await confbar(['mute', PARTY, '--ucid', ucid], {
        home,
        env: { CONFBAR_SETTINGS_DIR: undefined },
      });
      expect(r.code).toBe(0);
      expect(controlRequests(s).at(-1)?.headers['authorization']).toMatch(/^Bearer /);
    },
  );

  it('creates no settings file or folder when there is none', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const home = tempHome();
    const r = await confbar(['mute', PARTY, '--ucid', ucid, ...accountArgs(s, 'basic')], { home });
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(home, 'settings'))).toBe(false);
  });
});
