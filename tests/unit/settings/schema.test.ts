import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  GLOBAL_COMMANDS,
  SETTINGS_VERSION,
  WINDOW_COMMANDS,
} from '../../../shared/settings';
import { SettingsPatchSchema, SettingsSchema } from '../../../shared/settings-schema';
import { acceleratorClashes, windowKeyClashes } from '../../../shared/shortcuts';

describe('SettingsSchema defaults', () => {
  it('fills every section from just a version', () => {
    const s = SettingsSchema.parse({ version: SETTINGS_VERSION });
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(s.account).toMatchObject({
      region: 'in',
      mode: 'token',
      baseUrl: null,
      timeoutMs: 8000,
      kickNumber: 'agent',
    });
    expect(s.behaviour).toMatchObject({ alwaysOnTop: true, confirmBeforeDrop: true, theme: 'system' });
    expect(s.demo).toEqual({ enabled: false, firstRunDone: false });
    expect(s.directory).toEqual([]);
    expect(s.recent).toEqual([]);
    expect(s.window).toBeNull();
  });

  it('binds every command by default, with the documented keys', () => {
    expect(Object.keys(DEFAULT_SETTINGS.shortcuts.global).sort()).toEqual([...GLOBAL_COMMANDS].sort());
    expect(Object.keys(DEFAULT_SETTINGS.shortcuts.window).sort()).toEqual([...WINDOW_COMMANDS].sort());
    expect(DEFAULT_SETTINGS.shortcuts.global.toggleMuteSelected).toBe('CommandOrControl+Alt+M');
    expect(DEFAULT_SETTINGS.shortcuts.global.dropSelected).toBeNull();
    expect(DEFAULT_SETTINGS.shortcuts.window.cancel).toBe('Escape');
    expect(windowKeyClashes(DEFAULT_SETTINGS.shortcuts.window)).toEqual([]);
    for (const platform of ['darwin', 'win32', 'linux']) {
      expect(acceleratorClashes(DEFAULT_SETTINGS.shortcuts.global, platform)).toEqual([]);
    }
  });

  it('rejects duplicate speed-dial slots in the directory', () => {
    const contact = (id: string, slot: number | null) => ({ id, label: id, number: '9845012345', slot });
    const r = SettingsSchema.safeParse({
      version: SETTINGS_VERSION,
      directory: [contact('a', 3), contact('b', 3)],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['directory', 1, 'slot']);
  });

  it('accepts only http(s) base URLs', () => {
    const ok = SettingsSchema.safeParse({
      version: SETTINGS_VERSION,
      account: { baseUrl: 'https://partner.example.com/api' },
    });
    const bad = SettingsSchema.safeParse({
      version: SETTINGS_VERSION,
      account: { baseUrl: 'file:///etc/passwd' },
    });
    expect(ok.success).toBe(true);
    expect(bad.success).toBe(false);
  });
});

describe('SettingsPatchSchema', () => {
  it('leaves absent fields absent (no defaults sneak into a patch)', () => {
    expect(SettingsPatchSchema.parse({ account: { region: 'intl' } })).toEqual({
      account: { region: 'intl' },
    });
  });

  it('rejects unknown keys at every level', () => {
    expect(SettingsPatchSchema.safeParse({ acount: {} }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ account: { apiKey: 'x' } }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ shortcuts: { window: { fly: 'f' } } }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ directory: [] }).success).toBe(false);
  });
});
