import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../../../electron/core/settings/backend';
import { readSettings } from '../../../electron/core/settings/repair';
import { createSettingsStore } from '../../../electron/core/settings/store';
import { WINDOWS_GLOBAL_SHORTCUTS } from '../../../shared/global-shortcut-defaults';
import { DEFAULT_GLOBAL_SHORTCUTS, DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../shared/settings';

const OLD_V1 = {
  ...structuredClone(DEFAULT_SETTINGS),
  version: 1,
  shortcuts: {
    global: { ...DEFAULT_GLOBAL_SHORTCUTS, selectNext: 'Control+Alt+F2' },
    window: { ...DEFAULT_SETTINGS.shortcuts.window },
  },
};

describe('settings v2: default global shortcuts per platform', () => {
  it('a fresh install on Windows starts with the Ctrl+Alt+F-key defaults; elsewhere with Ctrl+Alt+letter', () => {
    expect(readSettings({}, 'win32').settings.shortcuts.global).toEqual(WINDOWS_GLOBAL_SHORTCUTS);
    expect(readSettings({}, 'linux').settings.shortcuts.global).toEqual(DEFAULT_GLOBAL_SHORTCUTS);
    expect(readSettings({}, 'darwin').settings.shortcuts.global).toEqual(DEFAULT_GLOBAL_SHORTCUTS);
  });

  it("keeps a Windows user's saved shortcuts and notes the AltGr chords among them, naming them", () => {
    const { settings, notes } = readSettings(structuredClone(OLD_V1), 'win32');
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.shortcuts.global).toEqual(OLD_V1.shortcuts.global);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^Your global shortcuts Ctrl\+Alt\+C, Ctrl\+Alt\+N, Ctrl\+Alt\+M, Ctrl\+Alt\+H /,
    );
    expect(notes[0]).not.toContain('F2'); // an F-key types nothing with AltGr
  });

  it('says so once: the store writes the migrated file, and the next start notes nothing', () => {
    const backend = createMemoryBackend(structuredClone(OLD_V1));
    const first = createSettingsStore({ backend, platform: 'win32', warn: () => {} });
    expect(first.loadNotes.join(' ')).toMatch(/AltGr/);
    expect(backend.store.version).toBe(SETTINGS_VERSION);
    const second = createSettingsStore({ backend, platform: 'win32', warn: () => {} });
    expect(second.loadNotes).toEqual([]);
    expect(second.get().settings.shortcuts.global.toggleMuteSelected).toBe('CommandOrControl+Alt+M');
  });

  it('notes nothing on macOS and Linux, where Ctrl+Alt types nothing', () => {
    for (const platform of ['linux', 'darwin']) {
      const { settings, notes } = readSettings(structuredClone(OLD_V1), platform);
      expect(notes).toEqual([]);
      expect(settings.shortcuts.global).toEqual(OLD_V1.shortcuts.global);
    }
  });

  it("fills a command a Windows file does not name with Windows' default, not another platform's", () => {
    const doc = { version: 1, shortcuts: { global: { toggleMuteSelected: null } } };
    const { settings } = readSettings(doc, 'win32');
    expect(settings.shortcuts.global).toEqual({ ...WINDOWS_GLOBAL_SHORTCUTS, toggleMuteSelected: null });
  });
});
