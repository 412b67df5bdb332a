import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/server';
import { PARTY, SECRET, accountArgs, callWithParty, confbar, sim, type CliRun } from './helpers';

/** Case-insensitive: a key echoed inside a host name comes back lower-cased and is still the key. */
function expectNoSecret(label: string, r: CliRun): void {
  for (const stream of [r.stdout, r.stderr]) {
    const text = `${label}\n${stream}`.toLowerCase();
    expect(text).not.toContain(SECRET.toLowerCase());
    expect(text).not.toContain(encodeURIComponent(SECRET).toLowerCase());
  }
}

/** Runs in which a key could surface: success, refusals, faults, notes, doctor, and echoes of the input. */
function scenarios(s: Simulator, mode: 'legacy' | 'basic' | 'token', ucid: string) {
  const account = accountArgs(s, mode);
  return [
    { label: 'success', args: ['hold', PARTY, '--ucid', ucid, ...account] },
    {
      label: 'success --json --verbose',
      args: ['unhold', PARTY, '--ucid', ucid, ...account, '--json', '--verbose'],
    },
    { label: 'Call not Found', args: ['mute', PARTY, '--ucid', '111111111', ...account, '--verbose'] },
    {
      label: 'timeout',
      fault: 'noAnswer',
      args: ['mute', PARTY, '--ucid', ucid, ...account, '--timeout-ms', '300'],
    },
    { label: 'html 5xx', fault: 'html5xx', args: ['unmute', PARTY, '--ucid', ucid, ...account, '--verbose'] },
    {
      label: 'cut-off answer',
      fault: 'malformed',
      args: ['unmute', PARTY, '--ucid', ucid, ...account, '--json'],
    },
    { label: 'dial', args: ['dial', '9876500000', ...account, '--verbose'] },
    { label: 'doctor', args: ['doctor', ...account, '--verbose'] },
    { label: 'doctor --json', args: ['doctor', ...account, '--json'] },
    // The key typed where it does not belong is scrubbed from every message that echoes the input.
    // `masked`: the message does echo the input, so the scrubbed form must show where the key was.
    {
      label: 'key in the base URL',
      masked: true,
      args: ['hold', PARTY, '--ucid', ucid, ...account, '--base-url', `http://${SECRET}.example`],
    },
    {
      label: 'key as the user',
      args: ['hold', PARTY, '--ucid', ucid, ...account, '--user', SECRET, '--json'],
    },
    {
      label: 'doctor with the key as the user',
      masked: true,
      args: ['doctor', ...account, '--user', SECRET],
    },
    { label: 'key as a command', masked: true, args: [SECRET, ...account] },
    { label: 'key as key set argument', args: ['key', 'set', SECRET, ...account] },
    { label: 'key as an option value', args: ['hold', PARTY, '--ucid', SECRET, ...account] },
  ] as Array<{
    label: string;
    args: string[];
    fault?: 'noAnswer' | 'html5xx' | 'malformed';
    masked?: boolean;
  }>;
}

describe.each(['legacy', 'basic', 'token'] as const)(
  'the api_key never reaches stdout or stderr (%s mode)',
  (mode) => {
    it('in any outcome, message or note', { timeout: 120_000 }, async () => {
      const s = await sim();
      const ucid = callWithParty(s);
      for (const scenario of scenarios(s, mode, ucid)) {
        s.clearFaults();
        if (scenario.fault) s.injectFault({ kind: scenario.fault }, { times: 3 });
        const r = await confbar(scenario.args);
        expectNoSecret(scenario.label, r);
        if (scenario.masked) expect(`${scenario.label}: ${r.stdout}${r.stderr}`).toContain('***');
      }
      // The scenarios did reach CloudAgent with the key: the test would catch a leak, not pass vacuously.
      expect(s.requests.some((q) => q.query['api_key'] === SECRET || q.headers['apikey'] === SECRET)).toBe(
        true,
      );
    });
  },
);
