import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfBackend } from '../../../electron/core/settings/conf-backend';
import { SETTINGS_VERSION } from '../../../shared/settings';
import { createSettingsStore } from '../../../electron/core/settings/store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confbar-conf-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const open = () =>
  createSettingsStore({ backend: createConfBackend({ cwd: dir, projectName: 'confbar' }), warn: () => {} });

describe('conf backend', () => {
  it('round-trips settings through the file', () => {
    const store = open();
    store.update({
      account: { userName: 'agent7', region: 'intl' },
      window: { x: 10, y: 20, width: 420, height: 64 },
    });
    store.addContact({ label: 'Supervisor', number: '+14155550123', slot: 1 });
    const file = path.join(dir, 'config.json');
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(onDisk.version).toBe(SETTINGS_VERSION);
    expect(onDisk.account.userName).toBe('agent7');
    const again = open().get().settings;
    expect(again.account).toMatchObject({ userName: 'agent7', region: 'intl' });
    expect(again.window).toEqual({ x: 10, y: 20, width: 420, height: 64 });
    expect(again.directory.map((c) => c.label)).toEqual(['Supervisor']);
  });

  it('keeps the settings file 0600 and its folder 0700, tightening what an older version left wider', () => {
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    const file = path.join(dir, 'config.json');
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(file, JSON.stringify({ version: 1 }), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const store = open();
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    store.addContact({ label: 'Supervisor', number: '09845012345' });
    expect(mode(file)).toBe(0o600);

    const fresh = path.join(dir, 'fresh', 'nested');
    createConfBackend({ cwd: fresh, projectName: 'confbar' }).store = { version: 1 };
    expect(mode(fresh)).toBe(0o700);
    expect(mode(path.join(fresh, 'config.json'))).toBe(0o600);
  });

  it("conf's own schema (derived from zod) guards the file too", () => {
    const backend = createConfBackend({ cwd: dir, projectName: 'confbar' });
    expect(() => {
      backend.store = { version: 1, account: { timeoutMs: 3 } };
    }).toThrow(/timeoutMs/);
  });

  it('migrates a v0 file on disk', () => {
    fs.writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ apiMode: 'legacy', region: 'india', api_key: 'S3CRET' }),
    );
    expect(open().get().settings.account).toMatchObject({ mode: 'legacy', region: 'in' });
    const text = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    expect(text).not.toContain('S3CRET');
    expect(JSON.parse(text).version).toBe(SETTINGS_VERSION);
  });

  it('moves an unreadable file aside and starts with defaults', () => {
    fs.writeFileSync(path.join(dir, 'config.json'), '{"account": {"timeo');
    const backend = createConfBackend({ cwd: dir, projectName: 'confbar' });
    expect(backend.recoveredFrom).toMatch(/config\.json\.invalid-\d+$/);
    expect(fs.readFileSync(backend.recoveredFrom!, 'utf8')).toBe('{"account": {"timeo');
    const store = createSettingsStore({ backend, warn: () => {} });
    expect(store.get().settings.account.timeoutMs).toBe(8000);
  });
});
