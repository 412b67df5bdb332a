import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SHORTCUTS } from '../../../shared/settings';
import type { KeyLike } from '../../../shared/shortcuts';
import { matchKey } from '../../../renderer/src/commands/keymap';
import { isTextField } from '../../../renderer/src/commands/text-field';

function key(k: string, code: string, mods: Partial<Omit<KeyLike, 'key' | 'code'>> = {}): KeyLike {
  return { key: k, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods };
}

const DEFAULTS = DEFAULT_WINDOW_SHORTCUTS;

describe('matchKey with the default map', () => {
  it.each([
    [key('m', 'KeyM'), 'mute'],
    [key('n', 'KeyN'), 'add'],
    [key('h', 'KeyH'), 'hold'],
    [key('/', 'Slash'), 'search'],
    [key(',', 'Comma'), 'settings'],
    [key('Escape', 'Escape'), 'cancel'],
  ] as const)('%o → %s', (event, command) => {
    expect(matchKey(event, DEFAULTS)).toEqual({ kind: 'window', command });
  });

  it('O takes up an offer toast, unless the agent bound O to a command of their own', () => {
    expect(matchKey(key('o', 'KeyO'), DEFAULTS)).toEqual({ kind: 'acceptOffer' });
    expect(matchKey(key('O', 'KeyO'), DEFAULTS)).toEqual({ kind: 'acceptOffer' });
    expect(matchKey(key('o', 'KeyO', { ctrlKey: true }), DEFAULTS)).toBeNull();
    expect(matchKey(key('o', 'KeyO'), { ...DEFAULTS, mute: 'o' })).toEqual({
      kind: 'window',
      command: 'mute',
    });
  });

  it('takes letters whatever Caps Lock says, but Shift+letter is another key', () => {
    expect(matchKey(key('M', 'KeyM'), DEFAULTS)).toEqual({ kind: 'window', command: 'mute' });
    expect(matchKey(key('M', 'KeyM', { shiftKey: true }), DEFAULTS)).toBeNull();
  });

  it("takes '?' with or without Shift (layouts differ), and never with Ctrl", () => {
    expect(matchKey(key('?', 'Slash', { shiftKey: true }), DEFAULTS)).toEqual({
      kind: 'window',
      command: 'help',
    });
    expect(matchKey(key('?', 'Minus'), DEFAULTS)).toEqual({ kind: 'window', command: 'help' });
    expect(matchKey(key('?', 'Slash', { ctrlKey: true, shiftKey: true }), DEFAULTS)).toBeNull();
  });

  it('does not fire a single-key command when a modifier is held', () => {
    for (const mods of [{ ctrlKey: true }, { altKey: true }, { metaKey: true }]) {
      expect(matchKey(key('m', 'KeyM', mods), DEFAULTS)).toBeNull();
    }
  });

  it('1–9 select a participant, by the digit row or the keypad', () => {
    expect(matchKey(key('1', 'Digit1'), DEFAULTS)).toEqual({ kind: 'select', index: 0 });
    expect(matchKey(key('9', 'Numpad9'), DEFAULTS)).toEqual({ kind: 'select', index: 8 });
    expect(matchKey(key('0', 'Digit0'), DEFAULTS)).toBeNull();
    expect(matchKey(key('3', 'Digit3', { ctrlKey: true }), DEFAULTS)).toBeNull();
  });

  it('Alt+digit dials a speed-dial slot by the physical key, whatever character Alt produced', () => {
    // macOS: Alt+2 types '™'; AZERTY: the digit row gives 'é' without Shift.
    expect(matchKey(key('™', 'Digit2', { altKey: true }), DEFAULTS)).toEqual({ kind: 'speedDial', slot: 2 });
    expect(matchKey(key('é', 'Digit2', { altKey: true }), DEFAULTS)).toEqual({ kind: 'speedDial', slot: 2 });
    expect(matchKey(key('7', 'Numpad7', { altKey: true }), DEFAULTS)).toEqual({ kind: 'speedDial', slot: 7 });
    expect(matchKey(key('@', 'Digit2', { altKey: true, shiftKey: true }), DEFAULTS)).toBeNull();
  });

  it('returns null for keys nobody bound', () => {
    expect(matchKey(key('q', 'KeyQ'), DEFAULTS)).toBeNull();
    expect(matchKey(key('Tab', 'Tab'), DEFAULTS)).toBeNull();
  });
});

describe('matchKey with an agent’s own map', () => {
  it('follows a remapped key, and the old key stops working', () => {
    const map = { ...DEFAULTS, mute: 'k' };
    expect(matchKey(key('k', 'KeyK'), map)).toEqual({ kind: 'window', command: 'mute' });
    expect(matchKey(key('m', 'KeyM'), map)).toBeNull();
  });

  it('matches modifier bindings exactly, with Alt read from the physical key', () => {
    const map = { ...DEFAULTS, mute: 'Ctrl+Shift+M', hold: 'Alt+h', drop: 'Cmd+d' };
    expect(matchKey(key('M', 'KeyM', { ctrlKey: true, shiftKey: true }), map)).toEqual({
      kind: 'window',
      command: 'mute',
    });
    expect(matchKey(key('m', 'KeyM', { ctrlKey: true }), map)).toBeNull();
    expect(matchKey(key('˙', 'KeyH', { altKey: true }), map)).toEqual({ kind: 'window', command: 'hold' });
    expect(matchKey(key('d', 'KeyD', { metaKey: true }), map)).toEqual({ kind: 'window', command: 'drop' });
  });

  it('skips empty and unusable bindings instead of matching them', () => {
    const map = { ...DEFAULTS, mute: '', hold: 'Hyper+h' };
    expect(matchKey(key('m', 'KeyM'), map)).toBeNull();
    expect(matchKey(key('h', 'KeyH'), map)).toBeNull();
  });
});

describe('isTextField: where keys are text, not commands', () => {
  it.each([
    [{ tagName: 'INPUT', type: 'text' }, true],
    [{ tagName: 'INPUT', type: 'tel' }, true],
    [{ tagName: 'input', type: '' }, true],
    [{ tagName: 'TEXTAREA' }, true],
    [{ tagName: 'SELECT' }, true],
    [{ tagName: 'DIV', isContentEditable: true }, true],
    [{ tagName: 'INPUT', type: 'text', readOnly: true }, false],
    [{ tagName: 'INPUT', type: 'checkbox' }, false],
    [{ tagName: 'INPUT', type: 'radio' }, false],
    [{ tagName: 'BUTTON', type: 'button' }, false],
    [{ tagName: 'BODY' }, false],
  ])('%o → %s', (el, expected) => {
    expect(isTextField(el)).toBe(expected);
  });
});
