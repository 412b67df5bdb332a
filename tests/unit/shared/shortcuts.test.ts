import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import {
  acceleratorClashes,
  acceleratorFromEvent,
  checkAccelerator,
  checkWindowKey,
  displayAccelerator,
  displayWindowKey,
  parseWindowKey,
  windowKeyClashes,
  windowKeyFromEvent,
  type KeyLike,
  type ShortcutCheck,
} from '../../../shared/shortcuts';

function key(k: string, code: string, mods: Partial<Omit<KeyLike, 'key' | 'code'>> = {}): KeyLike {
  return { key: k, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods };
}

const canonicalOf = (c: ShortcutCheck) => (c.ok ? c.canonical : `problem: ${c.problem}`);
const windowCanon = (text: string) => canonicalOf(checkWindowKey(text));
const accelCanon = (text: string, platform: string) => canonicalOf(checkAccelerator(text, platform));

describe('window keys', () => {
  it('parse modifiers in any spelling and order', () => {
    const expected = { ctrl: true, alt: true, shift: false, meta: false, key: 'k' };
    expect(parseWindowKey('Ctrl+Alt+K')).toEqual(expected);
    expect(parseWindowKey('option+control+k')).toEqual(expected);
    expect(parseWindowKey(' Alt+Ctrl+k ')).toEqual(expected);
    expect(parseWindowKey('Command+x')).toMatchObject({ meta: true, key: 'x' });
  });

  it("read the plus key itself ('+', 'Ctrl++') and named keys case-insensitively", () => {
    expect(parseWindowKey('+')).toMatchObject({ ctrl: false, key: '+' });
    expect(parseWindowKey('Ctrl++')).toMatchObject({ ctrl: true, key: '+' });
    expect(parseWindowKey('ESCAPE')).toMatchObject({ key: 'escape' });
    expect(windowCanon('Ctrl++')).toBe('ctrl++');
    expect(windowCanon('Esc')).toBe(windowCanon('Escape'));
  });

  it('treat letters case-insensitively (Caps Lock), Shift+letter as another key, Shift+punctuation as the same', () => {
    expect(windowCanon('N')).toBe(windowCanon('n'));
    expect(windowCanon('Shift+n')).not.toBe(windowCanon('n'));
    expect(windowCanon('Shift+?')).toBe(windowCanon('?'));
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['Hyper+k', 'not a modifier'],
    ['Ctrl+', 'not a modifier'],
    ['Ctrl+Shift', 'no key'],
    ['3', 'reserved'],
    ['Alt+3', 'reserved'],
    ['Space', 'Space cannot'],
  ])('refuse %j (%s)', (text, problem) => {
    const c = checkWindowKey(text);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.problem).toContain(problem);
  });

  it('show keys as the help overlay prints them', () => {
    expect(displayWindowKey('m')).toBe('M');
    expect(displayWindowKey('Escape')).toBe('Esc');
    expect(displayWindowKey('alt+ctrl+k')).toBe('Ctrl+Alt+K');
    expect(displayWindowKey('Shift+F2')).toBe('Shift+F2');
    expect(displayWindowKey('F2')).toBe('F2');
    expect(displayWindowKey('Hyper+k')).toBe('Hyper+k');
  });

  it('clash when they are one key, whatever the modifier case, order and aliases', () => {
    const window = { ...DEFAULT_SETTINGS.shortcuts.window, mute: 'Ctrl+Shift+k', hold: 'shift+control+K' };
    expect(windowKeyClashes(window)).toEqual([
      { key: 'ctrl+shift+k', commands: ['mute', 'hold'], bindings: ['Ctrl+Shift+k', 'shift+control+K'] },
    ]);
    const named = { ...DEFAULT_SETTINGS.shortcuts.window, drop: 'escape', end: '', search: '' };
    expect(windowKeyClashes(named).map((c) => c.commands)).toEqual([['drop', 'cancel']]);
    const caps = { ...DEFAULT_SETTINGS.shortcuts.window, hold: 'M' };
    expect(windowKeyClashes(caps).map((c) => c.commands)).toEqual([['mute', 'hold']]);
  });
});

describe('global accelerators', () => {
  it.each([
    'CommandOrControl+Alt+M',
    'CmdOrCtrl+Shift+F5',
    'Ctrl+Alt+Plus',
    'Alt+Space',
    'Super+J',
    'Control+Option+/',
    'F9',
    'MediaPlayPause',
    'Ctrl+num5',
    'Ctrl+Alt+Esc',
  ])('accept %s', (acc) => {
    expect(checkAccelerator(acc, 'linux').ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['Ctrl+Alt+', 'empty part'],
    ['Ctrl++', 'empty part'],
    ['Ctrl+Alt', 'no key'],
    ['Ctrl+Hyper+M', 'not a key'],
    ['Ctrl+M+N', 'exactly one key'],
    ['M', 'needs Ctrl'],
    ['Shift+M', 'needs Ctrl'],
    ['Space', 'needs Ctrl'],
    ['Ctrl+F25', 'not a key'],
    ['Ctrl+Alt+Ä', 'not a key'],
  ])('refuse %j', (acc, problem) => {
    const check = checkAccelerator(acc, 'linux');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toContain(problem);
  });

  it('resolve CommandOrControl per platform', () => {
    expect(accelCanon('CmdOrCtrl+Alt+M', 'win32')).toBe(accelCanon('Alt+Control+m', 'win32'));
    expect(accelCanon('CmdOrCtrl+Alt+M', 'darwin')).toBe(accelCanon('Option+Command+M', 'darwin'));
    expect(accelCanon('CmdOrCtrl+Alt+M', 'darwin')).not.toBe(accelCanon('Ctrl+Alt+M', 'darwin'));
    expect(accelCanon('Ctrl+Return', 'linux')).toBe(accelCanon('Control+Enter', 'linux'));
  });

  it('clash when they press the same keys on the platform', () => {
    const global = {
      ...DEFAULT_SETTINGS.shortcuts.global,
      toggleMuteSelected: 'CommandOrControl+Alt+K',
      toggleHoldSelected: 'Alt+Control+k',
    };
    expect(acceleratorClashes(global, 'linux')).toEqual([
      {
        key: 'alt+control+k',
        commands: ['toggleMuteSelected', 'toggleHoldSelected'],
        bindings: ['CommandOrControl+Alt+K', 'Alt+Control+k'],
      },
    ]);
    expect(acceleratorClashes(global, 'darwin')).toEqual([]);
  });

  it('show per platform', () => {
    expect(displayAccelerator('CommandOrControl+Alt+M', 'linux')).toBe('Ctrl+Alt+M');
    expect(displayAccelerator('CommandOrControl+Alt+M', 'darwin')).toBe('Cmd+Option+M');
    expect(displayAccelerator('alt+control+k', 'win32')).toBe('Alt+Ctrl+K');
  });
});

describe('recording from a key press', () => {
  it.each([
    [key('k', 'KeyK'), 'k'],
    [key('K', 'KeyK', { shiftKey: true }), 'Shift+k'],
    [key('k', 'KeyK', { ctrlKey: true }), 'Ctrl+k'],
    [key('?', 'Slash', { shiftKey: true }), '?'],
    [key('µ', 'KeyM', { altKey: true }), 'Alt+m'],
    [key('F2', 'F2', { shiftKey: true }), 'Shift+F2'],
    [key('Escape', 'Escape'), 'Escape'],
    [key('3', 'Digit3', { ctrlKey: true }), 'Ctrl+3'],
  ] as const)('window: %o → %s', (event, binding) => {
    expect(windowKeyFromEvent(event)).toEqual({ ok: true, binding });
  });

  it('window: waits on a bare modifier and refuses what settings would refuse', () => {
    expect(windowKeyFromEvent(key('Shift', 'ShiftLeft', { shiftKey: true }))).toBeNull();
    for (const e of [key('3', 'Digit3'), key('3', 'Digit3', { altKey: true }), key(' ', 'Space')]) {
      const r = windowKeyFromEvent(e);
      expect(r).toMatchObject({ ok: false });
    }
  });

  it('global: builds Electron accelerators from the physical key', () => {
    expect(acceleratorFromEvent(key('B', 'KeyB', { ctrlKey: true, altKey: true }), 'linux')).toEqual({
      ok: true,
      binding: 'CommandOrControl+Alt+B',
    });
    expect(
      acceleratorFromEvent(key('∫', 'KeyB', { metaKey: true, altKey: true, shiftKey: true }), 'darwin'),
    ).toEqual({ ok: true, binding: 'CommandOrControl+Alt+Shift+B' });
    expect(acceleratorFromEvent(key('ArrowUp', 'ArrowUp', { ctrlKey: true }), 'linux')).toEqual({
      ok: true,
      binding: 'CommandOrControl+Up',
    });
    expect(acceleratorFromEvent(key('F9', 'F9'), 'linux')).toEqual({ ok: true, binding: 'F9' });
  });

  it('global: refuses what would swallow typing, with the reason settings give', () => {
    expect(acceleratorFromEvent(key('b', 'KeyB'), 'linux')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('needs Ctrl'),
    });
    expect(acceleratorFromEvent(key('B', 'KeyB', { shiftKey: true }), 'linux')).toMatchObject({ ok: false });
    expect(acceleratorFromEvent(key('Control', 'ControlLeft', { ctrlKey: true }), 'linux')).toBeNull();
  });
});

// Canonical forms are what "the same shortcut" means everywhere; these properties keep them honest.
describe('canonical forms (properties)', () => {
  const shuffled = <T>(items: T[]) =>
    fc.tuple(fc.constant(items), fc.array(fc.nat(), { minLength: items.length, maxLength: items.length }));
  const permute = <T>([items, weights]: [T[], number[]]) =>
    items
      .map((item, i) => ({ item, w: weights[i]! }))
      .sort((a, b) => a.w - b.w)
      .map((x) => x.item);
  const casing = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s.toLowerCase(),
    (s) => s.toUpperCase(),
  );

  const windowMods = fc.subarray(['Ctrl', 'Alt', 'Shift', 'Meta'], { minLength: 0 });
  const windowKeys = fc.constantFrom('a', 'k', 'z', '0', '/', '?', ',', '+', 'Escape', 'Enter', 'F2', 'Tab');
  const accelMods = fc.subarray(['CommandOrControl', 'Control', 'Alt', 'Shift', 'Super', 'AltGr'], {
    minLength: 1,
  });
  const accelKeys = fc.constantFrom('A', 'k', '5', 'F5', 'Plus', 'Space', 'Esc', 'Up', 'num3', '/', 'Tab');
  const platforms = fc.constantFrom('darwin', 'win32', 'linux');

  it('window keys: idempotent, and insensitive to modifier order and case', () => {
    fc.assert(
      fc.property(windowMods.chain(shuffled), windowKeys, casing, (mods, k, cased) => {
        const text = [...mods[0], k].join('+');
        const c = checkWindowKey(text);
        if (!c.ok) return;
        expect(windowCanon(c.canonical)).toBe(c.canonical);
        expect(windowCanon([...permute(mods).map(cased), k].join('+'))).toBe(c.canonical);
        expect(windowCanon(cased(text))).toBe(c.canonical);
      }),
    );
  });

  it('accelerators: idempotent, and insensitive to modifier order and case', () => {
    fc.assert(
      fc.property(accelMods.chain(shuffled), accelKeys, casing, platforms, (mods, k, cased, platform) => {
        const text = [...mods[0], k].join('+');
        const c = checkAccelerator(text, platform);
        if (!c.ok) return;
        expect(accelCanon(c.canonical, platform)).toBe(c.canonical);
        expect(accelCanon([...permute(mods), k].map(cased).join('+'), platform)).toBe(c.canonical);
      }),
    );
  });

  it('two bindings clash exactly when their canonical forms are equal', () => {
    fc.assert(
      fc.property(accelMods, accelKeys, accelMods, accelKeys, platforms, (m1, k1, m2, k2, platform) => {
        const a = [...m1, k1].join('+');
        const b = [...m2, k2].join('+');
        const ca = checkAccelerator(a, platform);
        const cb = checkAccelerator(b, platform);
        if (!ca.ok || !cb.ok) return;
        const clashes = acceleratorClashes({ showToolbar: a, selectNext: b }, platform);
        expect(clashes.length === 1).toBe(ca.canonical === cb.canonical);
      }),
    );
  });
});
