import { describe, expect, it } from 'vitest';
import { PARTY, accountArgs, apiRequests, callWithParty, confbar, sim } from './helpers';

const SLOW = { timeout: 60_000 };

describe('exit codes', () => {
  it('0 on success, with one human line on stdout and nothing on stderr', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const r = await confbar(['hold', PARTY, '--ucid', ucid, ...accountArgs(s, 'basic')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('1 when CloudAgent refuses: "Call not Found" on stderr with the remedy, nothing on stdout', async () => {
    const s = await sim();
    callWithParty(s);
    const r = await confbar(['hold', PARTY, '--ucid', '1234567890123', ...accountArgs(s, 'legacy')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^confbar hold: Call not Found$/);
    expect(lines[1]).toMatch(/ucid/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it('1 when the credentials are refused (AuthFailed)', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const r = await confbar(['mute', PARTY, '--ucid', ucid, ...accountArgs(s, 'basic'), '--json'], {
      apiKey: 'not-the-right-key',
    });
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { kind: 'AuthFailed' } });
  });

  describe.each(['legacy', 'basic', 'token'] as const)(
    '2 for invalid input in %s mode, with nothing sent',
    (mode) => {
      const cases: Array<[string, (ucid: string) => string[]]> = [
        ['a number with too few digits', (ucid) => ['hold', '12345', '--ucid', ucid]],
        ['letters in a number', (ucid) => ['conference', '98765abcde', '--ucid', ucid]],
        ['no --ucid', () => ['mute', PARTY]],
        ['a ucid that is not one', () => ['mute', PARTY, '--ucid', 'abc']],
        ['an unknown option', (ucid) => ['unmute', PARTY, '--ucid', ucid, '--volume', '3']],
        ['an option that does not apply', (ucid) => ['dial', PARTY, '--ucid', ucid]],
        ['a missing argument', (ucid) => ['hold', '--ucid', ucid]],
        ['an unknown command', () => ['transfer', PARTY]],
      ];
      it.each(cases)('%s', async (_name, args) => {
        const s = await sim();
        const ucid = callWithParty(s);
        const r = await confbar([...args(ucid), ...accountArgs(s, mode), '--json']);
        expect(r.code).toBe(2);
        expect(r.json()).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
        expect(s.requests).toEqual([]);
      });
    },
  );

  it('2 for kick without a number when no agent number is known', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const args = accountArgs(s, 'token').filter(
      (a, i, all) => a !== '--agent-number' && all[i - 1] !== '--agent-number',
    );
    const r = await confbar(['kick', '--ucid', ucid, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--agent-number');
    expect(s.requests).toEqual([]);
  });

  it('2 for an invalid --mode, --region, --output or --timeout-ms', SLOW, async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    for (const bad of [
      ['--mode', 'oauth'],
      ['--region', 'us'],
      ['--output', 'csv'],
      ['--timeout-ms', '0'],
    ]) {
      const r = await confbar(['hold', PARTY, '--ucid', ucid, ...accountArgs(s, 'basic'), ...bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(bad[0]);
    }
    expect(s.requests).toEqual([]);
  });

  it('3 when CloudAgent does not answer within --timeout-ms', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    s.injectFault({ kind: 'noAnswer' }, { times: 5 });
    const r = await confbar([
      'hold',
      PARTY,
      '--ucid',
      ucid,
      ...accountArgs(s, 'basic'),
      '--timeout-ms',
      '500',
      '--json',
    ]);
    expect(r.code).toBe(3);
    expect(r.json()).toMatchObject({ ok: false, error: { kind: 'Timeout' } });
  });

  it('3 when a proxy answers with an HTML 5xx page', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    s.injectFault({ kind: 'html5xx', status: 502 }, { times: 5 });
    const r = await confbar(['unhold', PARTY, '--ucid', ucid, ...accountArgs(s, 'legacy')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^confbar unhold: .*502/);
  });

  it('3 when the answer is cut off', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    s.injectFault({ kind: 'malformed' }, { times: 5 });
    const r = await confbar(['mute', PARTY, '--ucid', ucid, ...accountArgs(s, 'token'), '--json']);
    expect(r.code).toBe(3);
    expect(r.json()).toMatchObject({ error: { kind: 'BadResponse' } });
  });

  it('3 when nothing listens at the base URL', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const args = accountArgs(s, 'basic');
    await s.close();
    const r = await confbar(['hold', PARTY, '--ucid', ucid, ...args, '--json']);
    expect(r.code).toBe(3);
    expect(r.json()).toMatchObject({ error: { kind: 'Network' } });
  });
});

describe('--json', () => {
  it('ends stdout with one object: ok, action, status, message, ucid', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const r = await confbar(['hold', PARTY, '--ucid', ucid, ...accountArgs(s, 'token'), '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({
      ok: true,
      action: 'HOLD',
      status: 'Success',
      message: 'User hold is successful',
      ucid,
    });
  });

  it('adds error {kind, message, remedy} on failure, and stays the last line with --verbose', async () => {
    const s = await sim();
    callWithParty(s);
    const r = await confbar([
      'mute',
      PARTY,
      '--ucid',
      '99999999',
      ...accountArgs(s, 'basic'),
      '--json',
      '--verbose',
    ]);
    expect(r.code).toBe(1);
    const out = r.json();
    expect(Object.keys(out).sort()).toEqual(['action', 'error', 'message', 'ok', 'status', 'ucid']);
    expect(out).toMatchObject({ ok: false, action: 'MUTE', ucid: '99999999', message: 'Call not Found' });
    expect(out.error).toEqual({
      kind: 'CallNotFound',
      message: 'Call not Found',
      remedy: expect.stringMatching(/ucid/),
    });
    expect(r.stderr).toContain('confbar: '); // the --verbose notes went to stderr
  });

  it('names the dial action and the new ucid', async () => {
    const s = await sim();
    const r = await confbar(['dial', '9876500000', ...accountArgs(s, 'legacy'), '--json']);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ ok: true, action: 'DIAL', status: 'queued' });
    expect(s.getCall(String(out.ucid))?.live).toBe(true);
    expect(apiRequests(s)).toHaveLength(1);
  });
});
