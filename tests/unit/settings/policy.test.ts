import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../../../electron/core/settings/backend';
import { createFilePolicySource, policyFilePath } from '../../../electron/core/settings/policy';
import { createSettingsStore } from '../../../electron/core/settings/store';
import { appErrorOf } from '../../support/app-error';

let dir: string;
let policyFile: string;
const savedEnv = process.env.CONFBAR_POLICY_FILE;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confbar-policy-'));
  policyFile = path.join(dir, 'policy.json');
  process.env.CONFBAR_POLICY_FILE = policyFile;
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.CONFBAR_POLICY_FILE;
  else process.env.CONFBAR_POLICY_FILE = savedEnv;
  fs.rmSync(dir, { recursive: true, force: true });
});

function storeWith(policy: unknown, stored: Record<string, unknown> = {}) {
  fs.writeFileSync(policyFile, typeof policy === 'string' ? policy : JSON.stringify(policy));
  const backend = createMemoryBackend(stored);
  return {
    backend,
    store: createSettingsStore({
      backend,
      policy: createFilePolicySource({ envOverride: true }),
      warn: () => {},
    }),
  };
}

describe('admin policy', () => {
  it('uses the fixed per-OS path unless CONFBAR_POLICY_FILE is set', () => {
    expect(policyFilePath('linux', {})).toBe('/etc/confbar/policy.json');
    expect(policyFilePath('darwin', {})).toBe('/Library/Application Support/ConfBar/policy.json');
    expect(policyFilePath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\ConfBar\\policy.json');
    expect(policyFilePath('linux', { CONFBAR_POLICY_FILE: '/x/p.json' }, true)).toBe('/x/p.json');
  });

  it('ignores CONFBAR_POLICY_FILE in an installed app, so a user cannot swap the policy', () => {
    expect(policyFilePath('linux', { CONFBAR_POLICY_FILE: '/x/p.json' })).toBe('/etc/confbar/policy.json');
    fs.writeFileSync(policyFile, JSON.stringify({ account: { region: 'intl' } }));
    const packaged = createFilePolicySource({ platform: 'linux' }).load();
    expect(packaged.source).not.toBe(policyFile);
    expect(packaged.locked).not.toContain('account.region');
    expect(createFilePolicySource({ envOverride: true }).load().locked).toEqual(['account.region']);
  });

  it('overrides and locks the paths it sets (read from the env path)', () => {
    const { store } = storeWith(
      {
        account: { region: 'intl', baseUrl: 'https://ca.example.net' },
        shortcuts: { global: { dropSelected: null } },
      },
      { version: 1, account: { region: 'in', userName: 'me' } },
    );
    const view = store.get();
    expect(view.settings.account).toMatchObject({
      region: 'intl',
      baseUrl: 'https://ca.example.net',
      userName: 'me',
    });
    expect(view.locked.sort()).toEqual([
      'account.baseUrl',
      'account.region',
      'shortcuts.global.dropSelected',
    ]);
    expect(view.policySource).toBe(policyFile);
    expect(view.policyError).toBeNull();
  });

  it('refuses to change a locked path, but accepts its current value sent back', () => {
    const { store } = storeWith({ account: { region: 'intl' } });
    const e = appErrorOf(() => store.update({ account: { region: 'in' } }));
    expect(e.kind).toBe('InvalidInput');
    expect(e.message).toBe('account.region is locked by your administrator.');
    expect(store.update({ account: { region: 'intl', userName: 'ok' } }).settings.account.userName).toBe(
      'ok',
    );
  });

  it("keeps the user's own value underneath, so it returns when the policy goes away", () => {
    const { store, backend } = storeWith(
      { behaviour: { alwaysOnTop: false } },
      { version: 1, behaviour: { alwaysOnTop: true } },
    );
    expect(store.get().settings.behaviour.alwaysOnTop).toBe(false);
    expect((backend.store.behaviour as { alwaysOnTop: boolean }).alwaysOnTop).toBe(true);
    fs.rmSync(policyFile);
    const view = store.reloadPolicy();
    expect(view.settings.behaviour.alwaysOnTop).toBe(true);
    expect(view.locked).toEqual([]);
  });

  it('can lock the whole directory', () => {
    const { store } = storeWith({ directory: [{ id: 'hq', label: 'HQ', number: '08041234567', slot: 1 }] });
    expect(store.get().settings.directory.map((c) => c.label)).toEqual(['HQ']);
    expect(appErrorOf(() => store.addContact({ label: 'X', number: '9845012345' })).message).toMatch(
      /locked by your administrator/,
    );
    expect(store.exportDirectoryCsv()).toContain('HQ');
  });

  it('reports an invalid policy file instead of crashing, and ignores it as a whole', () => {
    for (const [content, reason] of [
      ['{not json', /not valid JSON/],
      [{ account: { timeoutMs: 5, region: 'intl' } }, /account\.timeoutMs: must be at least 1000/],
      [{ account: { apiKey: 'k' } }, /account\.apiKey: is not a setting/],
      [{ window: { x: 1 } }, /window: cannot be set by policy/],
      [[1, 2], /not a JSON object/],
    ] as const) {
      const { store } = storeWith(content);
      const view = store.get();
      expect(view.policyError).toMatch(reason);
      expect(view.policyError).toContain(policyFile);
      expect(view.locked).toEqual([]);
      expect(view.settings.account.region).toBe('in');
    }
  });

  it('reports a missing file named by the env, but not a missing default file', () => {
    const explicit = createFilePolicySource({ envOverride: true }).load();
    expect(explicit.error).toMatch(/does not exist/);
    const implicit = createFilePolicySource({ env: {}, platform: 'linux' }).load();
    // Assumes this test machine has no /etc/confbar/policy.json.
    expect(fs.existsSync('/etc/confbar/policy.json') || implicit.error === null).toBe(true);
  });
});

describe('admin policy and shortcuts', () => {
  it('a clash created by the policy does not block unrelated edits, but blocks joining it', () => {
    const { store } = storeWith({ shortcuts: { window: { mute: 'h' } } });
    expect(store.update({ behaviour: { theme: 'dark' } }).settings.behaviour.theme).toBe('dark');
    expect(store.update({ shortcuts: { window: { add: 'a' } } }).settings.shortcuts.window.add).toBe('a');
    expect(appErrorOf(() => store.update({ shortcuts: { window: { end: 'h' } } })).message).toMatch(
      /mute \("h"\), hold \("h"\) and end \("h"\) are the same shortcut/,
    );
  });
});
