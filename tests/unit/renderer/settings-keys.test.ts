import { describe, expect, it } from 'vitest';
import { bindingMatches } from '../../../renderer/src/commands/keymap';
import { splitFieldErrors } from '../../../renderer/src/settings/field-errors';
import { parseWindowKey, windowKeyFromEvent, type KeyLike } from '../../../shared/shortcuts';

// Pure helpers of the settings screens: they run in plain Node, no browser. The recorder's own rules are
// tested with shared/shortcuts.ts (tests/unit/shared/shortcuts.test.ts).

function key(k: string, code: string, mods: Partial<Omit<KeyLike, 'key' | 'code'>> = {}): KeyLike {
  return { key: k, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods };
}

describe('what the key recorder writes, the toolbar keymap matches', () => {
  const presses: KeyLike[] = [
    key('k', 'KeyK'),
    key('K', 'KeyK', { shiftKey: true }),
    key('k', 'KeyK', { ctrlKey: true }),
    key('?', 'Slash', { shiftKey: true }),
    key('µ', 'KeyM', { altKey: true }),
    key('F2', 'F2', { shiftKey: true }),
    key('Escape', 'Escape'),
    key('+', 'Equal', { ctrlKey: true, shiftKey: true }),
  ];
  it.each(presses)('%o', (event) => {
    const recorded = windowKeyFromEvent(event);
    expect(recorded).toMatchObject({ ok: true });
    const parsed = recorded?.ok ? parseWindowKey(recorded.binding) : null;
    expect(parsed).not.toBeNull();
    expect(bindingMatches(parsed!, event)).toBe(true);
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
