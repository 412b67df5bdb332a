import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { LookupFunction } from 'node:net';
import path from 'node:path';
import { afterEach, inject } from 'vitest';
import { runCli as runCliInProcess } from '../../../electron/cli/run';
import type { CliIo } from '../../../electron/cli/io';
import { createKeytarVault, type Keytar } from '../../../electron/core/vault/keytar-vault';
import { simulator } from '../../support/sim-env';
import {
  DEMO_ACCOUNT,
  type SimAccount,
  type Simulator,
  type SimulatorOptions,
} from '../../../electron/simulator/server';

/** The api_key every test uses, recognisable so a leak anywhere is easy to find. */
export const SECRET = 'SECRET-KEY-1234567890';
export const ACCOUNT: SimAccount = { ...DEMO_ACCOUNT, apiKey: SECRET };
export const PHONE = 'demo-phone';
export const AGENT = DEMO_ACCOUNT.phones[PHONE] as string;
export const PARTY = '09811112222';
export const KEYRING = process.env.CONFBAR_KEYRING === '1';

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
  /** Resolves the test's host names in-process (in-process runs only). */
  lookup?: LookupFunction;
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

/** The environment a run sees: enough to run node, nothing that reaches a keychain unless `keyring`. */
function runEnv(opts: RunOptions): Record<string, string> {
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
  return env;
}

function cliRun(code: number, stdout: string, stderr: string): CliRun {
  return {
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
  };
}

// What a child without the test's D-Bus gets from libsecret, through the real keytar vault's error path.
const noSecretService: Keytar = {
  getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
};

/**
 * One `confbar` run in this process, through the CLI's injectable IO (electron/cli/io.ts): the same
 * dispatcher, printer and exit codes as the shipped binary, without starting node. Without `keyring` the
 * keychain is one that is not there (as for a child without the test's D-Bus); with it, the real one.
 */
export async function confbar(args: string[], opts: RunOptions = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const stdin = opts.stdin ?? '';
  const io: CliIo = {
    env: runEnv(opts),
    stdout: (line) => stdout.push(`${line}\n`),
    stderr: (line) => stderr.push(`${line}\n`),
    readStdinLine: async () => stdin.split(/\r?\n/, 1)[0] ?? '',
    openVault: opts.keyring ? undefined : () => createKeytarVault({ keytar: noSecretService }),
    lookup: opts.lookup,
  };
  const code = await runCliInProcess(args, io);
  return cliRun(code, stdout.join(''), stderr.join(''));
}

/** Runs the CLI built once for the run (global-setup.ts) as a child process with a clean environment. */
export function spawnCli(args: string[], opts: RunOptions = {}): Promise<CliRun> {
  const env = runEnv(opts);
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [inject('cliPath'), ...args],
      { env, timeout: 15_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve(cliRun(code, stdout, stderr));
      },
    );
    child.stdin?.end(opts.stdin ?? '');
  });
}

/** Call-control and dial requests the simulator received (the `/` warm-up probe aside). */
export function apiRequests(s: Simulator) {
  return s.requests.filter((r) => r.path !== '/');
}
