import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeytarVault } from '../../../electron/core/vault/keytar-vault';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const probe = path.join(here, 'fixtures/vault-probe.ts');
const service = `ConfBarTest-${process.pid}`;
const account = 'agent7@127.0.0.1:8123';

type Outcome =
  { op: string; ok: true; value: unknown } | { op: string; ok: false; kind: string; message: string };

function which(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

/** Runs the probe in a child with `env` (plus PATH); returns its outcomes. */
function runProbe(env: NodeJS.ProcessEnv, mode: string, wrap: string[] = []): Outcome[] {
  const node = [process.execPath, '--import', 'tsx', probe, service, account, mode];
  const [cmd, ...args] = [...wrap, ...node];
  const r = spawnSync(cmd!, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`probe failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Outcome[];
}

function isolatedHome(): { env: NodeJS.ProcessEnv; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confbar-nokeyring-'));
  const run = path.join(dir, 'run');
  fs.mkdirSync(run, { mode: 0o700 });
  // No DISPLAY/WAYLAND_DISPLAY: nothing may pop up an unlock prompt on a developer's screen.
  return {
    dir,
    env: {
      HOME: dir,
      XDG_RUNTIME_DIR: run,
      XDG_DATA_HOME: path.join(dir, 'data'),
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      XDG_CACHE_HOME: path.join(dir, 'cache'),
    },
  };
}

function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (fs.readFileSync(file).includes(needle)) hits.push(file);
  }
  return hits;
}

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const onLinux = process.platform === 'linux';

(onLinux ? describe : describe.skip)(
  onLinux
    ? 'keytar vault without a reachable Secret Service'
    : 'keytar vault without a Secret Service (skipped: Linux only)',
  () => {
    it('fails every call with KeychainUnavailable when the D-Bus socket does not exist', () => {
      const { env, dir } = isolatedHome();
      cleanup.push(dir);
      const outcomes = runProbe({ ...env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${dir}/no-such-bus` }, 'all');
      expect(outcomes.map((o) => o.op)).toEqual([
        'setApiKey',
        'setToken',
        'getApiKey',
        'getToken',
        'hasApiKey',
        'deleteApiKey',
      ]);
      for (const o of outcomes) {
        expect(o).toMatchObject({ ok: false, kind: 'KeychainUnavailable' });
        if (!o.ok)
          expect(o.message).toMatch(/GNOME Keyring \/ Secret Service is not available or is locked \(.+\)/);
      }
      expect(filesContaining(dir, 'PROBE-KEY-5150')).toEqual([]);
    });

    it('fails with KeychainUnavailable when there is no session bus at all', () => {
      const { env, dir } = isolatedHome();
      cleanup.push(dir);
      const [set] = runProbe(env, 'write');
      expect(set).toMatchObject({ op: 'setApiKey', ok: false, kind: 'KeychainUnavailable' });
    });
  },
);

const canStartLockedKeyring = onLinux && which('dbus-run-session') && which('gnome-keyring-daemon');

(canStartLockedKeyring ? describe : describe.skip)(
  canStartLockedKeyring
    ? 'keytar vault with a locked keyring'
    : 'keytar vault with a locked keyring (skipped: needs dbus-run-session and gnome-keyring-daemon)',
  () => {
    it('refuses to store (KeychainUnavailable) and writes no plaintext anywhere', () => {
      // A private bus; D-Bus activation starts gnome-keyring, but nobody unlocks it and no prompt can show.
      const { env, dir } = isolatedHome();
      cleanup.push(dir);
      const [setKey, setToken] = runProbe(env, 'write', ['dbus-run-session', '--']);
      expect(setKey).toMatchObject({ op: 'setApiKey', ok: false, kind: 'KeychainUnavailable' });
      expect(setToken).toMatchObject({ op: 'setToken', ok: false, kind: 'KeychainUnavailable' });
      expect(filesContaining(dir, 'PROBE-KEY-5150')).toEqual([]);
    });
  },
);

const keyringReady = process.env.CONFBAR_KEYRING === '1';

(keyringReady ? describe : describe.skip)(
  keyringReady
    ? 'keytar vault against a real unlocked gnome-keyring'
    : 'keytar vault against a real keyring (skipped: no unlocked Secret Service (run via scripts/with-keyring.sh))',
  () => {
    const vault = createKeytarVault({ service });
    afterAll(async () => {
      await vault.deleteApiKey(account).catch(() => {});
      await vault.deleteToken(account).catch(() => {});
    });

    it('round-trips the api key and token cache, and another process sees them', async () => {
      const token = { token: 'real-token', expiresAt: 1_900_000_000_000, generations: [1, 2] };
      expect(await vault.getApiKey(account)).toBeNull();
      await vault.setApiKey(account, 'REAL-KEY-42');
      await vault.setToken(account, token);
      expect(await vault.getApiKey(account)).toBe('REAL-KEY-42');
      expect(await vault.getToken(account)).toEqual(token);

      const [key, cached] = runProbe(process.env, 'read');
      expect(key).toEqual({ op: 'getApiKey', ok: true, value: 'REAL-KEY-42' });
      expect(cached).toEqual({ op: 'getToken', ok: true, value: token });
    });

    it('keeps accounts and services apart, and deletes', async () => {
      await vault.setApiKey(account, 'REAL-KEY-42');
      await vault.setApiKey('other@127.0.0.1:8123', 'OTHER-KEY');
      const otherService = createKeytarVault({ service: `${service}-other` });
      expect(await otherService.getApiKey(account)).toBeNull();
      expect(await vault.getApiKey('other@127.0.0.1:8123')).toBe('OTHER-KEY');
      expect(await vault.deleteApiKey('other@127.0.0.1:8123')).toBe(true);
      expect(await vault.deleteApiKey('other@127.0.0.1:8123')).toBe(false);
      expect(await vault.hasApiKey('other@127.0.0.1:8123')).toBe(false);
      expect(await vault.deleteToken(account)).toBe(true);
      expect(await vault.getToken(account)).toBeNull();
      expect(await vault.getApiKey(account)).toBe('REAL-KEY-42');
    });

    it('keeps a proxy login as its own entry beside the api key, and deletes it alone', async () => {
      await vault.setApiKey(account, 'REAL-KEY-42');
      await vault.setProxyLogin('proxy.corp:3128', { username: 'corp\\jdoe', password: 'Pr0xy-Pass!' });
      expect(await vault.getProxyLogin('http://proxy.corp:3128')).toEqual({
        username: 'corp\\jdoe',
        password: 'Pr0xy-Pass!',
      });
      expect(await vault.getApiKey(account)).toBe('REAL-KEY-42');
      expect(await vault.deleteProxyLogin('proxy.corp:3128')).toBe(true);
      expect(await vault.getProxyLogin('proxy.corp:3128')).toBeNull();
      expect(await vault.getApiKey(account)).toBe('REAL-KEY-42');
    });

    it('overwrites rather than duplicating an entry', async () => {
      await vault.setApiKey(account, 'FIRST');
      await vault.setApiKey(account, 'SECOND');
      expect(await vault.getApiKey(account)).toBe('SECOND');
      expect(await vault.deleteApiKey(account)).toBe(true);
      expect(await vault.getApiKey(account)).toBeNull();
    });
  },
);
