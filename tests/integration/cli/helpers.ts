import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { simulator } from '../../support/sim-env';
import {
  DEMO_ACCOUNT,
  type SimAccount,
  type Simulator,
  type SimulatorOptions,
} from '../../../electron/simulator/server';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The api_key every test uses, recognisable so a leak anywhere is easy to find. */
export const SECRET = 'SECRET-KEY-1234567890';
export const ACCOUNT: SimAccount = { ...DEMO_ACCOUNT, apiKey: SECRET };
export const PHONE = 'demo-phone';
export const AGENT = DEMO_ACCOUNT.phones[PHONE] as string;
export const PARTY = '09811112222';
export const KEYRING = process.env.CONFBAR_KEYRING === '1';

/**
 * Builds the CLI once for the test file with the shipped config (vite.cli.config.ts: the entry and
 * bundling of `npm run build:cli`) into a folder of the file's own, so files running in parallel never
 * race on out/cli. The folder is inside the repo, so the bundle resolves node_modules as the shipped one.
 * Returns a getter for the built file.
 */
export function useBuiltCli(): () => string {
  let outDir: string | null = null;
  beforeAll(() => {
    fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
    outDir = fs.mkdtempSync(path.join(ROOT, 'out', 'cli-test-'));
    const r = spawnSync(
      'npx',
      ['vite', 'build', '--config', 'vite.cli.config.ts', '--outDir', outDir, '--logLevel', 'error'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stdout}\n${r.stderr}`);
  });
  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });
  return () => {
    if (!outDir) throw new Error('the CLI is built in beforeAll');
    return path.join(outDir, 'confbar.js');
  };
}

const homes: string[] = [];

/** A fresh HOME (and settings folder inside it) removed after the test. */
export function tempHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'confbar-cli-'));
  homes.push(home);
  return home;
}

/** A simulator with the SECRET account, closed after the test. */
export function sim(opts: SimulatorOptions = {}): Promise<Simulator> {
  return simulator({ accounts: [ACCOUNT], ...opts });
}

afterEach(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

/** A live call of the demo user with PARTY already conferenced in. */
export function callWithParty(s: Simulator): string {
  const ucid = s.createCall({ userName: ACCOUNT.userName, agentPhoneName: PHONE });
  s.getCall(ucid)?.participants.set(PARTY, {
    number: PARTY,
    sip: false,
    state: 'connected',
    held: false,
    muted: false,
  });
  return ucid;
}

/** The account options pointing the CLI at the simulator (what the saved settings would hold). */
export function accountArgs(s: Simulator, mode: 'legacy' | 'basic' | 'token'): string[] {
  return [
    '--base-url',
    s.url,
    '--mode',
    mode,
    '--user',
    ACCOUNT.userName,
    '--did',
    ACCOUNT.did,
    '--agent-phone-name',
    PHONE,
    '--agent-number',
    AGENT,
  ];
}

export interface RunOptions {
  home?: string;
  /** CONFBAR_API_KEY; default SECRET, null leaves it unset. */
  apiKey?: string | null;
  /** Standard input; the pipe is closed after it either way. */
  stdin?: string;
  /** Let the child reach the test's Secret Service (only under scripts/with-keyring.sh). Default false. */
  keyring?: boolean;
  /** Extra variables; undefined removes one set above (e.g. CONFBAR_SETTINGS_DIR). */
  env?: Record<string, string | undefined>;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The last line of stdout parsed as JSON (fails the test when it is not one object). */
  json(): Record<string, unknown>;
}

// What the child may see of the test's environment: enough to run node, nothing that reaches a keychain.
const BASE_ENV_KEYS = ['PATH', 'LANG', 'TMPDIR', 'SystemRoot'];
const KEYRING_ENV_KEYS = [
  'DBUS_SESSION_BUS_ADDRESS',
  'XDG_RUNTIME_DIR',
  'GNOME_KEYRING_CONTROL',
  'SSH_AUTH_SOCK',
];

/** Runs the built CLI as a child process with a clean environment (HOME and settings in a temp folder). */
export function runCli(cli: string, args: string[], opts: RunOptions = {}): Promise<CliRun> {
  const home = opts.home ?? tempHome();
  const env: Record<string, string> = {};
  for (const key of [...BASE_ENV_KEYS, ...(opts.keyring ? KEYRING_ENV_KEYS : [])]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  env.HOME = home;
  env.XDG_CONFIG_HOME = path.join(home, '.config');
  env.CONFBAR_SETTINGS_DIR = path.join(home, 'settings');
  const apiKey = opts.apiKey === undefined ? SECRET : opts.apiKey;
  if (apiKey !== null) env.CONFBAR_API_KEY = apiKey;
  for (const [key, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }

  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { env, timeout: 15_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({
          code,
          stdout,
          stderr,
          json() {
            const last = stdout.trimEnd().split('\n').at(-1) ?? '';
            const parsed: unknown = JSON.parse(last);
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
              throw new Error(`the last line of stdout is not a JSON object: ${last}`);
            }
            return parsed as Record<string, unknown>;
          },
        });
      },
    );
    child.stdin?.end(opts.stdin ?? '');
  });
}

/** Call-control and dial requests the simulator received (the `/` warm-up probe aside). */
export function apiRequests(s: Simulator) {
  return s.requests.filter((r) => r.path !== '/');
}
