import { describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../shared/settings';
import { createMemoryBackend } from '../../../electron/core/settings/backend';
import { createSettingsStore } from '../../../electron/core/settings/store';
import { defaultGlobalShortcuts } from '../../../shared/global-shortcut-defaults';
import { appErrorOf } from '../../support/app-error';

function setup(initial: Record<string, unknown> = {}, opts: { platform?: string } = {}) {
  const backend = createMemoryBackend(initial);
  const store = createSettingsStore({ backend, warn: () => {}, platform: opts.platform ?? 'linux' });
  return { backend, store };
}

describe('settings store: update', () => {
  it('applies a partial patch and persists it', () => {
    const { backend, store } = setup();
    const view = store.update({
      account: { region: 'intl', userName: 'agent7' },
      behaviour: { theme: 'dark' },
    });
    expect(view.settings.account).toMatchObject({ region: 'intl', userName: 'agent7', mode: 'token' });
    expect(view.settings.behaviour.theme).toBe('dark');
    expect((backend.store.account as { userName: string }).userName).toBe('agent7');
    expect(createSettingsStore({ backend, warn: () => {} }).get().settings.account.userName).toBe('agent7');
  });

  it('names the field and the rule in the rejection', () => {
    const { store } = setup();
    const e = appErrorOf(() => store.update({ account: { timeoutMs: 500 } }));
    expect(e.kind).toBe('InvalidInput');
    expect(e.message).toBe('account.timeoutMs: must be at least 1000');
    expect(appErrorOf(() => store.update({ account: { mode: 'oauth' } })).message).toBe(
      'account.mode: must be one of "legacy", "basic", "token"',
    );
    expect(appErrorOf(() => store.update({ behaviour: { alwaysOnTop: 'yes' } })).message).toBe(
      'behaviour.alwaysOnTop: must be a boolean',
    );
    expect(appErrorOf(() => store.update({ account: { regoin: 'in' } })).message).toBe(
      'account.regoin: is not a setting',
    );
    expect(appErrorOf(() => store.update({ window: { x: 0, y: 0, width: 10, height: 50 } })).message).toBe(
      'window.width: must be at least 200',
    );
  });

  it('refuses anything that looks like the api key, wherever it is', () => {
    const { store, backend } = setup();
    for (const patch of [{ apiKey: 'k' }, { account: { api_key: 'k' } }, { account: { ApiKey: 'k' } }]) {
      const e = appErrorOf(() => store.update(patch));
      expect(e.kind).toBe('InvalidInput');
      expect(e.message).toMatch(/API key is not a setting/);
      expect(e.message).not.toContain("'k'");
    }
    expect(JSON.stringify(backend.store)).not.toMatch(/api_?key/i);
  });

  it('rejects window shortcuts that clash, naming key and commands', () => {
    const { store } = setup();
    const e = appErrorOf(() => store.update({ shortcuts: { window: { mute: 'h' } } }));
    expect(e.message).toBe(
      'shortcuts.window: mute ("h") and hold ("h") are the same shortcut, H; give one of them another key.',
    );
    expect(
      store.update({ shortcuts: { window: { mute: 'v', hold: 'm' } } }).settings.shortcuts.window,
    ).toMatchObject({
      mute: 'v',
      hold: 'm',
    });
  });

  it('refuses two spellings of one global shortcut at settings time, as registration would', () => {
    for (const platform of ['linux', 'win32']) {
      const { store } = setup({}, { platform });
      store.update({ shortcuts: { global: { toggleMuteSelected: 'CommandOrControl+Alt+K' } } });
      const e = appErrorOf(() =>
        store.update({ shortcuts: { global: { toggleHoldSelected: 'Alt+Control+k' } } }),
      );
      expect(e.message).toBe(
        'shortcuts.global: toggleMuteSelected ("CommandOrControl+Alt+K") and toggleHoldSelected ("Alt+Control+k") are the same shortcut, Ctrl+Alt+K; give one of them another key.',
      );
      expect(store.get().settings.shortcuts.global.toggleHoldSelected).toBe(
        defaultGlobalShortcuts(platform).toggleHoldSelected,
      );
    }
    // On macOS CommandOrControl is Cmd, so the two are different keys.
    const { store } = setup({}, { platform: 'darwin' });
    store.update({ shortcuts: { global: { toggleMuteSelected: 'CommandOrControl+Alt+K' } } });
    expect(
      store.update({ shortcuts: { global: { toggleHoldSelected: 'Alt+Control+k' } } }).settings.shortcuts
        .global.toggleHoldSelected,
    ).toBe('Alt+Control+k');
  });

  it('refuses a shortcut that cannot work, with the reason', () => {
    const { store } = setup();
    expect(appErrorOf(() => store.update({ shortcuts: { global: { selectNext: 'Hyper+J' } } })).message).toBe(
      'shortcuts.global.selectNext: "Hyper+J": "hyper" is not a key Electron knows.',
    );
    expect(appErrorOf(() => store.update({ shortcuts: { global: { selectNext: 'j' } } })).message).toMatch(
      /^shortcuts\.global\.selectNext: "j": A global shortcut needs Ctrl, Alt or Cmd/,
    );
    expect(appErrorOf(() => store.update({ shortcuts: { window: { mute: 'Hyper+m' } } })).message).toMatch(
      /^shortcuts\.window\.mute: "Hyper\+m": "Hyper" is not a modifier/,
    );
    expect(appErrorOf(() => store.update({ shortcuts: { window: { mute: '2' } } })).message).toMatch(
      /reserved/,
    );
    expect(
      store.update({ shortcuts: { global: { selectNext: null } } }).settings.shortcuts.global.selectNext,
    ).toBe(null);
  });

  it('rejects a global accelerator used twice', () => {
    const { store } = setup();
    const e = appErrorOf(() =>
      store.update({ shortcuts: { global: { selectNext: 'commandorcontrol+alt+m' } } }),
    );
    expect(e.message).toBe(
      'shortcuts.global: toggleMuteSelected ("CommandOrControl+Alt+M") and selectNext ("commandorcontrol+alt+m") are the same shortcut, Ctrl+Alt+M; give one of them another key.',
    );
    expect(
      store.update({ shortcuts: { global: { dropSelected: 'CommandOrControl+Alt+D' } } }).settings.shortcuts
        .global.dropSelected,
    ).toBe('CommandOrControl+Alt+D');
  });

  it('hands out copies, so a caller cannot change the store by mutating them', () => {
    const { store } = setup();
    const view = store.get();
    view.settings.account.userName = 'mallory';
    view.settings.recent.push({ number: '1', sip: false, at: 0 });
    expect(store.get().settings.account.userName).toBe('');
    expect(store.get().settings.recent).toEqual([]);
  });

  it('notifies listeners on change only, and stops after unsubscribe', () => {
    const { store } = setup();
    const seen: SettingsView[] = [];
    const off = store.onChange((v) => seen.push(v));
    store.update({ demo: { enabled: true } });
    store.update({ demo: { enabled: true } }); // no change
    expect(seen).toHaveLength(1);
    expect(seen[0]?.settings.demo.enabled).toBe(true);
    off();
    store.update({ demo: { enabled: false } });
    expect(seen).toHaveLength(1);
  });

  it('keeps going when a listener throws', () => {
    const warn = vi.fn();
    const store = createSettingsStore({ backend: createMemoryBackend(), warn });
    store.onChange(() => {
      throw new Error('boom');
    });
    expect(store.update({ behaviour: { miniMode: true } }).settings.behaviour.miniMode).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });

  it('does not write an invalid document when validation fails', () => {
    const { store, backend } = setup();
    const before = JSON.stringify(backend.store);
    appErrorOf(() => store.update({ account: { timeoutMs: 1 } }));
    expect(JSON.stringify(backend.store)).toBe(before);
  });
});

describe('settings store: recents', () => {
  it('dedupes however the number was typed, newest first, capped at 20', () => {
    let t = 1000;
    const store = createSettingsStore({ backend: createMemoryBackend(), now: () => t++, warn: () => {} });
    store.pushRecent({ number: '09845012345', label: 'Supervisor', sip: false });
    for (let i = 0; i < 10; i++) store.pushRecent({ number: `98450${String(10000 + i)}`, sip: false });
    let recent = store.pushRecent({ number: '+91 98450 12345', sip: false });
    expect(recent).toHaveLength(11);
    expect(recent[0]).toEqual({ number: '+91 98450 12345', label: 'Supervisor', sip: false, at: 1011 });
    expect(recent.filter((r) => r.number.replace(/\D/g, '').endsWith('9845012345'))).toHaveLength(1);
    for (let i = 10; i < 30; i++)
      recent = store.pushRecent({ number: `98450${String(10000 + i)}`, sip: false });
    expect(recent).toHaveLength(20);
    expect(recent[0]?.number).toBe('9845010029');
    expect(recent[19]?.number).toBe('9845010010');
    recent = store.pushRecent({ number: 'ext@pbx.example.com', sip: true });
    expect(recent[0]?.sip).toBe(true);
    expect(store.get().settings.recent).toEqual(recent);
  });

  it('rejects an empty number', () => {
    const { store } = setup();
    expect(appErrorOf(() => store.pushRecent({ number: '  ', sip: false })).message).toBe(
      'number: must not be empty',
    );
  });
});
