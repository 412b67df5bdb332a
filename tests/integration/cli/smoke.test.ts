import { describe, expect, it } from 'vitest';
import { appWithCall, SUPERVISOR } from './app-journal';
import { PARTY, SECRET, accountArgs, callWithParty, sim, spawnCli, tempHome } from './helpers';

// The shipped bundle as a child process: what the in-process tests cannot show (the build runs under node,
// exit codes reach the shell, the real streams are flushed and scrubbed, standard input is a real pipe).
// Everything else about the CLI is tested in process, through its injectable IO.

describe('confbar as a child process', () => {
  it('runs from the build: --version and --help exit 0', async () => {
    const version = await spawnCli(['--version']);
    expect(version).toMatchObject({ code: 0, stderr: '' });
    expect(version.stdout).toMatch(/^confbar \d+\.\d+\.\d+\n$/);
    const help = await spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}hold\b/m);
  });

  it('an action reaches the simulator and exits 0 with one JSON line (token mode)', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const r = await spawnCli(['hold', PARTY, '--ucid', ucid, ...accountArgs(s, 'token'), '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, action: 'HOLD', ucid });
    expect(s.getCall(ucid)?.participants.get(PARTY)?.held).toBe(true);
  });

  it('a refusal exits 1 with the message on stderr and no stack trace', async () => {
    const s = await sim();
    callWithParty(s);
    const r = await spawnCli(['mute', PARTY, '--ucid', '1234567890123', ...accountArgs(s, 'basic')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^confbar mute: Call not Found\n/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('bad input exits 2 and sends nothing', async () => {
    const s = await sim();
    const r = await spawnCli(['hold', '12345', '--ucid', '1234567890123', ...accountArgs(s, 'legacy')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toBe('');
    expect(s.requests).toEqual([]);
  });

  it('reads a key from a real stdin pipe and never echoes the key on its streams', async () => {
    const s = await sim();
    const r = await spawnCli(['key', 'set', '--stdin', '--user', 'demo', '--base-url', s.url], {
      apiKey: null,
      stdin: `${SECRET}\n`,
    });
    // No Secret Service reaches the child: the keychain is unavailable, said plainly (exit 2).
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not available or is locked/);
    expect(`${r.stdout}${r.stderr}`.toLowerCase()).not.toContain(SECRET.toLowerCase());
    const ucid = callWithParty(s);
    const account = [...accountArgs(s, 'basic'), '--base-url', `http://${SECRET}.example`];
    const leaky = await spawnCli(['hold', PARTY, '--ucid', ucid, ...account, '--verbose']);
    expect(leaky.code).not.toBe(0);
    expect(leaky.stderr).toContain('***');
    expect(`${leaky.stdout}${leaky.stderr}`.toLowerCase()).not.toContain(SECRET.toLowerCase());
  });

  it('release-phone from the build: listed in help, the freed number on stdout, exit 0', async () => {
    const s = await sim({ stuckPhones: ['demo-phone'] });
    const help = await spawnCli(['--help']);
    expect(help.stdout).toMatch(/^ {2}release-phone\b/m);
    const r = await spawnCli(['release-phone', ...accountArgs(s, 'token')]);
    expect(r).toMatchObject({ code: 0, stdout: '09800000001\n' });
  });

  it('status reads the app journal from the build: exit 0 and who is held', async () => {
    const home = tempHome();
    const { services, ucid } = await appWithCall(home);
    const r = await spawnCli(['status', '--json'], { home });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ucid, held: [SUPERVISOR] });
    await services.dispose();
  });
});
