import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import type { CliIo } from '../../../electron/cli/io';
import { forgetSecrets } from '../../../electron/core/redact';
import {
  DEMO_ACCOUNT,
  type SimAccount,
  type Simulator,
  type SimulatorOptions,
} from '../../../electron/simulator/server';
import { simulator } from '../../support/sim-env';
import { callWithParty } from './helpers';

/**
 * The CLI in-process (its injectable IO), against the simulator over real loopback HTTP: exit codes and
 * --json for each point of "CloudAgent as it really answers".
 */
const SECRET = 'Fidelity-Key/1234+abcd';
const ACCOUNT: SimAccount = { ...DEMO_ACCOUNT, apiKey: SECRET };
const PHONE = 'demo-phone';
const AGENT = DEMO_ACCOUNT.phones[PHONE] as string;
const PARTY = '09811112222';
const GENERATE = '/ca_apis/CAToken/generateToken';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  forgetSecrets();
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'confbar-fidelity-'));
  dirs.push(d);
  return d;
}

interface Run {
  code: number;
  stdout: string[];
  stderr: string[];
  json(): Record<string, unknown>;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    // No DBus here: the keychain is unusable, so the token cache falls back to memory.
    env: { CONFBAR_SETTINGS_DIR: path.join(tempDir(), 'settings'), CONFBAR_API_KEY: SECRET, ...env },
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    readStdinLine: async () => '',
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout.at(-1) ?? '') as Record<string, unknown> };
}

function account(
  s: Simulator,
  mode: 'legacy' | 'basic' | 'token',
  over: Record<string, string> = {},
): string[] {
  const fields: Record<string, string> = {
    'base-url': s.url,
    mode,
    user: ACCOUNT.userName,
    did: ACCOUNT.did,
    'agent-phone-name': PHONE,
    'agent-number': AGENT,
    ...over,
  };
  return Object.entries(fields).flatMap(([k, v]) => [`--${k}`, v]);
}

async function sim(opts: SimulatorOptions = {}): Promise<Simulator> {
  return simulator({ accounts: [ACCOUNT], ...opts });
}

const apiRequests = (s: Simulator) => s.requests.filter((r) => r.path !== '/');

describe('confbar against legacy answers labelled text/html', () => {
  it.each(['json', 'xml'])('hold --output %s: exit 0', async (output) => {
    const s = await sim();
    const ucid = callWithParty(s);
    const r = await cli([
      'hold',
      PARTY,
      '--ucid',
      ucid,
      '--json',
      '--output',
      output,
      ...account(s, 'legacy'),
    ]);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, action: 'HOLD', message: 'User hold is successful' });
  });
});

describe('confbar dial', () => {
  it('"queued" without a ucid is a refusal: exit 1, Refused', async () => {
    const s = await sim({ accounts: [{ ...ACCOUNT, onlineAgentPhones: [PHONE] }] });
    const r = await cli(['dial', '09876543210', '--json', ...account(s, 'basic')]);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({
      ok: false,
      action: 'DIAL',
      error: { kind: 'Refused', message: 'Online agent logged in with same phone number' },
    });
  });
});

describe('auth problems on any status', () => {
  it('401 JSON: exit 1, AuthFailed', async () => {
    const s = await sim({ authFailureStatus: 401 });
    const ucid = callWithParty(s);
    const r = await cli(['hold', PARTY, '--ucid', ucid, '--json', ...account(s, 'basic')], {
      CONFBAR_API_KEY: 'wrong-key-9999',
    });
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ error: { kind: 'AuthFailed', message: 'Invalid User Details' } });
  });

  it('token mode for a basic account: the remedy names --mode basic', async () => {
    const s = await sim({ accounts: [{ ...ACCOUNT, auth: 'basic' }] });
    const r = await cli(['hold', PARTY, '--ucid', callWithParty(s), '--json', ...account(s, 'token')]);
    expect(r.code).toBe(1);
    const error = r.json()['error'] as Record<string, string>;
    expect(error.kind).toBe('AuthFailed');
    expect(error.remedy).toMatch(/--mode basic/);
  });
});

describe('mandatory fields: exit 2, nothing sent, the option named', () => {
  it.each([
    ['legacy', 'did', '--did'],
    ['basic', 'agent-phone-name', '--agent-phone-name'],
    ['token', 'user', '--user'],
  ] as const)('%s mode with an empty --%s', async (mode, option, named) => {
    const s = await sim();
    const ucid = callWithParty(s);
    const r = await cli(['hold', PARTY, '--ucid', ucid, '--json', ...account(s, mode, { [option]: '' })]);
    expect(r.code).toBe(2);
    const error = r.json()['error'] as Record<string, string>;
    expect(error.kind).toBe('InvalidInput');
    expect(`${error.message} ${error.remedy}`).toContain(named);
    // Said once: the message says nothing was sent, the remedy what to pass.
    expect(error.message).toMatch(/nothing was sent\.$/);
    expect(`${error.message} ${error.remedy}`.match(/nothing was sent/g)).toHaveLength(1);
    expect(apiRequests(s)).toHaveLength(0);
  });

  it('dial without --did in human output names the option on stderr', async () => {
    const s = await sim();
    const r = await cli(['dial', '09876543210', ...account(s, 'basic', { did: '' })]);
    expect(r.code).toBe(2);
    expect(r.stderr.join('\n')).toMatch(/--did <did>/);
    expect(apiRequests(s)).toHaveLength(0);
  });
});

describe('--token-form', () => {
  it('bearer against a raw-reading account: exit 1 with the remedy, one token; raw: exit 0', async () => {
    const s = await sim({ tokenForm: 'raw' });
    const ucid = callWithParty(s);
    const wrong = await cli(['mute', PARTY, '--ucid', ucid, '--json', ...account(s, 'token')]);
    expect(wrong.code).toBe(1);
    expect(wrong.json()).toMatchObject({ error: { kind: 'AuthFailed' } });
    expect((wrong.json()['error'] as Record<string, string>).remedy).toMatch(/--token-form raw/);
    expect(s.requests.filter((q) => q.path === GENERATE)).toHaveLength(1);
    const right = await cli([
      'mute',
      PARTY,
      '--ucid',
      ucid,
      '--json',
      '--token-form',
      'raw',
      ...account(s, 'token'),
    ]);
    expect(right.code).toBe(0);
    expect(s.requests.at(-1)?.headers['authorization']).toMatch(/^eyJ/);
  });

  it('refuses an unknown form: exit 2', async () => {
    const s = await sim();
    const r = await cli([
      'mute',
      PARTY,
      '--ucid',
      '1234567890',
      '--token-form',
      'jwt',
      '--json',
      ...account(s, 'token'),
    ]);
    expect(r.code).toBe(2);
    expect(apiRequests(s)).toHaveLength(0);
  });
});

describe('confbar doctor --trace', () => {
  const forms = (v: string) => [v, encodeURIComponent(v), new URLSearchParams({ v }).toString().slice(2)];

  it.each(['legacy', 'basic', 'token'] as const)(
    '%s mode: every exchange in the report, no key or token in any case or encoding',
    async (mode) => {
      const s = await sim();
      const file = path.join(tempDir(), 'report.txt');
      const r = await cli(['doctor', '--trace', file, '--json', ...account(s, mode)]);
      expect(r.code).toBe(0);
      expect(r.json()).toMatchObject({ ok: true, trace: file });
      const report = fs.readFileSync(file, 'utf8');
      const apiCalls = apiRequests(s).length;
      expect(report).toContain(`Exchanges (${apiCalls})`);
      expect(report).toMatch(/read as\s+/);
      expect(report).toMatch(/answer {4}HTTP 200, Content-Type \S+/);
      expect(report).toContain(`mode       ${mode}`);
      expect(report).toContain(`base URL   ${s.url}`);
      const token = s.tokenFor(ACCOUNT.userName)?.token;
      if (mode === 'token') expect(token).toBeDefined();
      const lower = report.toLowerCase();
      for (const secret of [SECRET, ...(token ? [token] : [])]) {
        for (const form of forms(secret)) expect(lower).not.toContain(form.toLowerCase());
      }
      expect(s.requests.filter((q) => q.path === GENERATE).length).toBeLessThanOrEqual(1);
      expect(fs.statSync(file).mode & 0o077).toBe(0);
    },
  );

  it('says which token form, API mode and number format the account takes, naming the setting', async () => {
    const raw = await sim({ tokenForm: 'raw' });
    const form = await cli(['doctor', '--json', ...account(raw, 'token')]);
    expect(form.code).toBe(1);
    const formChecks = form.json()['checks'] as Array<{ name: string; ok: boolean; detail: string }>;
    expect(formChecks.find((c) => c.name === 'Token form')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/--token-form raw/),
    });
    expect(raw.requests.filter((q) => q.path === GENERATE)).toHaveLength(1);

    const tokenOnly = await sim({ accounts: [{ ...ACCOUNT, auth: 'token' }] });
    const mode = await cli(['doctor', '--json', ...account(tokenOnly, 'basic')]);
    const modeChecks = mode.json()['checks'] as Array<{ name: string; ok: boolean; detail: string }>;
    expect(modeChecks.find((c) => c.name === 'API mode')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/--mode token/),
    });

    const intl = await sim({ numberFormat: 'intl' });
    const numbers = await cli(['doctor', '--json', ...account(intl, 'basic')]);
    const numberChecks = numbers.json()['checks'] as Array<{ name: string; ok: boolean; detail: string }>;
    expect(numberChecks.find((c) => c.name === 'Number format')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/--region intl/),
    });
  });

  it('an unwritable --trace file: exit 2', async () => {
    const s = await sim();
    const r = await cli([
      'doctor',
      '--trace',
      path.join(tempDir(), 'no', 'such', 'dir', 'r.txt'),
      '--json',
      ...account(s, 'basic'),
    ]);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ error: { kind: 'InvalidInput' } });
  });
});
