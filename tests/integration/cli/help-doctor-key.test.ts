import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTY, accountArgs, callWithParty, confbar, sim } from './helpers';

const SLOW = { timeout: 60_000 };
const COMMANDS = [
  'conference',
  'hold',
  'unhold',
  'mute',
  'unmute',
  'kick',
  'dial',
  'doctor',
  'key set',
  'key status',
  'key clear',
];

describe('help and version', () => {
  it('`confbar --help` lists every command and the exit codes', async () => {
    const r = await confbar(['--help']);
    expect(r.code).toBe(0);
    for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    for (const option of [
      '--ucid',
      '--base-url',
      '--region',
      '--mode',
      '--user',
      '--did',
      '--agent-phone-name',
      '--agent-number',
      '--sip',
      '--output',
      '--campaign',
      '--timeout-ms',
      '--json',
    ]) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toMatch(/Exit codes: 0 success; 1 .*; 2 .*; 3 /);
  });

  it(
    '`confbar <command> --help` and `confbar help <command>` print the same usage for every command',
    SLOW,
    async () => {
      for (const name of COMMANDS) {
        const words = name.split(' ');
        const [flag, word] = await Promise.all([confbar([...words, '--help']), confbar(['help', ...words])]);
        expect(flag.code).toBe(0);
        expect(flag.stdout).toContain(`Usage: confbar ${name}`);
        expect(word.stdout).toBe(flag.stdout);
      }
    },
  );

  it('`confbar key --help` lists the key subcommands', async () => {
    const r = await confbar(['key', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('key set --stdin');
    expect(r.stdout).toContain('key status');
    expect(r.stdout).toContain('key clear');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8'),
    ) as {
      version: string;
    };
    const r = await confbar(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `confbar ${pkg.version}\n` });
  });

  it('no command is a usage error (exit 2)', async () => {
    const r = await confbar([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No command given');
  });
});

describe('doctor', () => {
  it.each(['legacy', 'basic', 'token'] as const)(
    'prints one passing line per check in %s mode and exits 0',
    async (mode) => {
      const s = await sim();
      const ucid = callWithParty(s);
      const r = await confbar(['doctor', ...accountArgs(s, mode)]);
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines.map((l) => l.replace(/:.*/, ''))).toEqual([
        'ok    Settings',
        'ok    API key',
        'ok    Network route',
        'ok    Host reachable',
        `ok    Authentication (${mode})`,
        'ok    API mode',
        ...(mode === 'token' ? ['ok    Token form'] : []),
        'ok    Number format',
      ]);
      // The auth probe is harmless: the live call is untouched.
      expect(s.getCall(ucid)?.participants.get(PARTY)).toMatchObject({
        state: 'connected',
        held: false,
        muted: false,
      });
    },
  );

  it('fails the authentication check (exit 1) when the key is wrong', async () => {
    const s = await sim();
    const r = await confbar(['doctor', ...accountArgs(s, 'basic')], { apiKey: 'wrong-key-0000' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL {2}Authentication \(basic\): Invalid User Details/m);
  });

  it('says what is missing and that the host is unreachable, with --json carrying the checks', async () => {
    const s = await sim();
    const url = s.url;
    await s.close();
    const r = await confbar(['doctor', '--base-url', url, '--mode', 'basic', '--json']);
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out).toMatchObject({ ok: false, action: 'DOCTOR' });
    const checks = out.checks as Array<{ name: string; ok: boolean; detail: string }>;
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['Settings', false],
      ['API key', true],
      ['Network route', true],
      ['Host reachable', false],
      ['Authentication', false],
    ]);
    expect(checks[0]?.detail).toMatch(/user name.*DID.*agent phone name.*agent number/);
  });
});

describe('the keychain when there is none', () => {
  it('`key status` exits 2 and says the keychain is unavailable and what to do', async () => {
    const s = await sim();
    const r = await confbar(['key', 'status', '--user', 'demo', '--base-url', s.url], { apiKey: null });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [message, remedy] = r.stderr.trim().split('\n');
    expect(message).toMatch(/^confbar key status: The .* is not available or is locked/);
    expect(remedy).toMatch(/Secret Service|Keychain|Credential Manager/);
  });

  it('`key status --json` reports KeychainUnavailable', async () => {
    const s = await sim();
    const r = await confbar(['key', 'status', '--user', 'demo', '--base-url', s.url, '--json'], {
      apiKey: null,
    });
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({
      ok: false,
      action: 'KEY_STATUS',
      error: { kind: 'KeychainUnavailable' },
    });
  });

  it('an action without CONFBAR_API_KEY exits 2 with the keychain message, and sends nothing', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    for (const mode of ['legacy', 'token'] as const) {
      const r = await confbar(['hold', PARTY, '--ucid', ucid, ...accountArgs(s, mode), '--json'], {
        apiKey: null,
      });
      expect(r.code).toBe(2);
      expect(r.json()).toMatchObject({ error: { kind: 'KeychainUnavailable' } });
    }
    expect(s.requests).toEqual([]);
  });

  it('token mode with CONFBAR_API_KEY keeps the token in memory and says so with --verbose', async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    const r = await confbar(['mute', PARTY, '--ucid', ucid, ...accountArgs(s, 'token'), '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/token is kept in memory for this run only/);
  });

  it('`key set --stdin` exits 2 with the keychain message', async () => {
    const s = await sim();
    const r = await confbar(['key', 'set', '--stdin', '--user', 'demo', '--base-url', s.url], {
      apiKey: null,
      stdin: 'another-key-42\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not available or is locked/);
    expect(r.stderr).not.toContain('another-key-42');
  });

  it('`key set` refuses a key given as an argument, or without --stdin (exit 2)', async () => {
    const s = await sim();
    const asArgument = await confbar([
      'key',
      'set',
      'not-a-real-key-123',
      '--user',
      'demo',
      '--base-url',
      s.url,
    ]);
    expect(asArgument.code).toBe(2);
    expect(asArgument.stderr).not.toContain('not-a-real-key-123');
    const noStdin = await confbar(['key', 'set', '--user', 'demo', '--base-url', s.url]);
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toContain('--stdin');
  });
});
