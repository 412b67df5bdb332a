import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../shared/settings';
import { createMemoryBackend } from '../../../electron/core/settings/backend';
import { migrate, MIGRATIONS, type Migration } from '../../../electron/core/settings/migrations';
import { readSettings } from '../../../electron/core/settings/repair';
import { createSettingsStore } from '../../../electron/core/settings/store';

const V0 = {
  apiMode: 'basic',
  region: 'international',
  userName: 'agent7',
  did: '18005550100',
  agentNumber: '+14155550123',
  baseUrl: '',
  timeoutSeconds: 12,
  outputFormat: 'xml',
  alwaysOnTop: false,
  theme: 'dark',
  apiKey: 'KK-secret-123',
  speedDial: [
    { name: 'Supervisor', number: '+14155550124', key: 2 },
    { name: 'QA', number: '+14155550125' },
  ],
};

describe('v0 → v1 migration', () => {
  it('moves flat keys into sections and converts units and names', () => {
    const { settings, notes, rewrite } = readSettings(V0);
    expect(rewrite).toBe(true);
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.account).toEqual({
      ...DEFAULT_SETTINGS.account,
      mode: 'basic',
      region: 'intl',
      userName: 'agent7',
      did: '18005550100',
      agentNumber: '+14155550123',
      baseUrl: null,
      timeoutMs: 12000,
      output: 'xml',
    });
    expect(settings.behaviour).toMatchObject({ alwaysOnTop: false, theme: 'dark' });
    expect(settings.directory.map(({ label, number, slot, sip }) => ({ label, number, slot, sip }))).toEqual([
      { label: 'Supervisor', number: '+14155550124', slot: 2, sip: false },
      { label: 'QA', number: '+14155550125', slot: null, sip: false },
    ]);
    expect(new Set(settings.directory.map((c) => c.id)).size).toBe(2);
    expect(notes).toEqual([expect.stringMatching(/API key .* removed/)]);
  });

  it('rewrites the stored document without the plaintext key', () => {
    const backend = createMemoryBackend(V0);
    const warn = vi.fn();
    const store = createSettingsStore({ backend, warn });
    expect(store.get().settings.account.mode).toBe('basic');
    expect(backend.store.version).toBe(SETTINGS_VERSION);
    expect(JSON.stringify(backend.store)).not.toContain('KK-secret-123');
    expect(backend.store).not.toHaveProperty('apiMode');
    expect(warn.mock.calls.join(' ')).not.toContain('KK-secret-123');
  });

  it('clamps an out-of-range old timeout instead of failing', () => {
    expect(readSettings({ timeoutSeconds: 600 }).settings.account.timeoutMs).toBe(60000);
  });

  it('treats an empty store as v0 and yields the defaults', () => {
    expect(readSettings({}).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('leaves a current document alone', () => {
    const doc = { ...DEFAULT_SETTINGS, account: { ...DEFAULT_SETTINGS.account, userName: 'x' } };
    const r = readSettings(doc);
    expect(r.rewrite).toBe(false);
    expect(r.settings).toEqual(doc);
  });

  it('runs steps in order and only those newer than the document', () => {
    const seen: number[] = [];
    const future = SETTINGS_VERSION + 1;
    const steps: Migration[] = [
      ...MIGRATIONS,
      { to: future, what: 'future', up: (d) => (seen.push(future), d) },
    ];
    const r = migrate({ version: 1, account: {} }, steps);
    // A step beyond SETTINGS_VERSION is not run by this build.
    expect(seen).toEqual([]);
    expect(r).toMatchObject({ from: 1, to: SETTINGS_VERSION });
  });
});

describe('reading damaged or newer documents', () => {
  it('repairs field by field, keeping what is valid', () => {
    const { settings, notes } = readSettings({
      version: 1,
      account: { userName: 'kept', timeoutMs: 5 },
      directory: [
        { id: 'a', label: 'A', number: '9845012345', slot: 1 },
        { id: 'b', label: 'B', number: '9845012346', slot: 1 },
        { id: 'c', label: '', number: '1' },
      ],
      shortcuts: { global: { showToolbar: 42 }, window: { add: 'a' } },
    });
    expect(settings.account.userName).toBe('kept');
    expect(settings.account.timeoutMs).toBe(8000);
    expect(settings.directory.map((c) => [c.id, c.slot])).toEqual([
      ['a', 1],
      ['b', null],
    ]);
    expect(settings.shortcuts.global.showToolbar).toBe(DEFAULT_SETTINGS.shortcuts.global.showToolbar);
    expect(settings.shortcuts.window.add).toBe('a');
    expect(notes.join('\n')).toMatch(/account\.timeoutMs: must be at least 1000/);
  });

  it('reads what it understands from a newer build and says so', () => {
    const { settings, notes } = readSettings({ version: 7, account: { userName: 'future' }, hologram: true });
    expect(settings.account.userName).toBe('future');
    expect(notes.join()).toMatch(/newer ConfBar/);
  });
});
