import { describe, expect, it } from 'vitest';
import { bindingMatches, parseBinding, type KeyLike } from '../../../renderer/src/commands/keymap';
import { splitFieldErrors } from '../../../renderer/src/settings/field-errors';
import {
  acceleratorFromEvent,
  displayAccelerator,
  findGlobalDuplicates,
  windowBindingFromEvent,
} from '../../../renderer/src/settings/shortcuts/key-capture';

// Pure helpers of the settings screens: they run in plain Node, no browser.

function key(k: string, code: string, mods: Partial<Omit<KeyLike, 'key' | 'code'>> = {}): KeyLike {
  return { key: k, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods };
}

describe('window shortcut capture', () => {
  const cases: Array<[KeyLike, string]> = [
    [key('k', 'KeyK'), 'k'],
    [key('K', 'KeyK', { shiftKey: true }), 'Shift+k'],
    [key('k', 'KeyK', { ctrlKey: true }), 'Ctrl+k'],
    [key('?', 'Slash', { shiftKey: true }), '?'],
    [key('µ', 'KeyM', { altKey: true }), 'Alt+m'],
    [key('F2', 'F2', { shiftKey: true }), 'Shift+F2'],
    [key('Escape', 'Escape'), 'Escape'],
  ];
  it.each(cases)('%o → %s, which the toolbar keymap then matches', (event, binding) => {
    expect(windowBindingFromEvent(event)).toEqual({ ok: true, binding });
    const parsed = parseBinding(binding);
    expect(parsed).not.toBeNull();
    expect(bindingMatches(parsed!, event)).toBe(true);
  });

  it('waits on a bare modifier and refuses keys the toolbar reserves or cannot match', () => {
    expect(windowBindingFromEvent(key('Shift', 'ShiftLeft', { shiftKey: true }))).toBeNull();
    expect(windowBindingFromEvent(key('3', 'Digit3'))).toMatchObject({ ok: false });
    expect(windowBindingFromEvent(key('3', 'Digit3', { altKey: true }))).toMatchObject({ ok: false });
    expect(windowBindingFromEvent(key(' ', 'Space'))).toMatchObject({ ok: false });
    expect(windowBindingFromEvent(key('3', 'Digit3', { ctrlKey: true }))).toEqual({
      ok: true,
      binding: 'Ctrl+3',
    });
  });
});

describe('global shortcut capture', () => {
  it('builds Electron accelerators from the physical key', () => {
    expect(acceleratorFromEvent(key('B', 'KeyB', { ctrlKey: true, altKey: true }))).toEqual({
      ok: true,
      binding: 'CommandOrControl+Alt+B',
    });
    expect(acceleratorFromEvent(key('∫', 'KeyB', { metaKey: true, altKey: true, shiftKey: true }))).toEqual({
      ok: true,
      binding: 'CommandOrControl+Alt+Shift+B',
    });
    expect(acceleratorFromEvent(key('ArrowUp', 'ArrowUp', { ctrlKey: true }))).toEqual({
      ok: true,
      binding: 'CommandOrControl+Up',
    });
    expect(acceleratorFromEvent(key('F9', 'F9'))).toEqual({ ok: true, binding: 'F9' });
  });

  it('refuses a global shortcut that would swallow typing', () => {
    expect(acceleratorFromEvent(key('b', 'KeyB'))).toMatchObject({ ok: false });
    expect(acceleratorFromEvent(key('B', 'KeyB', { shiftKey: true }))).toMatchObject({ ok: false });
    expect(acceleratorFromEvent(key('Control', 'ControlLeft', { ctrlKey: true }))).toBeNull();
  });

  it('shows accelerators per platform and finds duplicates whatever their spelling', () => {
    expect(displayAccelerator('CommandOrControl+Alt+M', false)).toBe('Ctrl+Alt+M');
    expect(displayAccelerator('CommandOrControl+Alt+M', true)).toBe('Cmd+Option+M');
    expect(
      findGlobalDuplicates({
        a: 'CommandOrControl+Alt+M',
        b: 'Alt+CmdOrCtrl+m',
        c: null,
        d: 'CommandOrControl+Alt+N',
      }),
    ).toEqual([{ key: 'alt+commandorcontrol+m', commands: ['a', 'b'] }]);
  });
});

describe('field errors from typed errors', () => {
  const error = (message: string) => ({ kind: 'InvalidInput' as const, message, remedy: '' });

  it('reads the contract check and the settings store wording, per field', () => {
    expect(
      splitFieldErrors(
        error(
          'patch.account.timeoutMs: Too small: expected number to be >=1000; patch.account.did: Too big: expected string to have <=30 characters',
        ),
        'account',
      ),
    ).toEqual({ fields: { timeoutMs: 'Must be at least 1000.', did: 'Must be at most 30.' }, rest: null });
    expect(splitFieldErrors(error('account.baseUrl: must be an http(s) URL'), 'account')).toEqual({
      fields: { baseUrl: 'Must be an http(s) URL.' },
      rest: null,
    });
  });

  it('keeps what names no field of the form for a form-level message', () => {
    expect(splitFieldErrors(error('account.mode is locked by your administrator.'), 'account')).toEqual({
      fields: {},
      rest: 'account.mode is locked by your administrator.',
    });
    expect(
      splitFieldErrors(error('slot: speed-dial 2 is already assigned to "Priya"; free it first'), 'contact', [
        'slot',
      ]),
    ).toEqual({
      fields: { slot: 'Speed-dial 2 is already assigned to "Priya"; free it first.' },
      rest: null,
    });
  });
});
