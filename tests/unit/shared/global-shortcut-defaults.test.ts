import { describe, expect, it } from 'vitest';
import {
  altGrChords,
  defaultGlobalShortcuts,
  isAltGrChord,
  WINDOWS_GLOBAL_SHORTCUTS,
} from '../../../shared/global-shortcut-defaults';
import { DEFAULT_GLOBAL_SHORTCUTS } from '../../../shared/settings';
import { acceleratorClashes, checkAccelerator } from '../../../shared/shortcuts';

/**
 * Characters AltGr (= Ctrl+Alt on Windows) types on common European layouts, by the key pressed with it.
 * Windows' own layout tables; any of these keys under Ctrl+Alt would be taken from the person typing.
 */
const ALTGR_LETTERS: Record<string, string> = {
  'Polish (programmers)': 'a→ą c→ć e→ę l→ł n→ń o→ó s→ś x→ź z→ż u→€',
  German: 'q→@ e→€ m→µ 2→² 3→³ 7→{ 8→[ 9→] 0→}',
  'French (AZERTY)': 'e→€ 2→~ 3→# 4→{ 5→[ 6→| 7→` 8→\\ 9→^ 0→@',
  Czech: 'q→\\ w→| e→€ f→[ g→] x→# c→& v→@ b→{ n→}',
  Hungarian: 'q→\\ w→| f→[ g→] x→# c→& v→@ b→{ n→} m→< k→ł l→Ł',
  'Swedish / Nordic': 'e→€ 2→@ 3→£ 4→$ 7→{ 8→[ 9→] 0→} m→µ',
  Spanish: 'e→€ 1→| 2→@ 3→# 4→~',
  Italian: 'e→€',
  'UK (extended)': 'a→á e→é i→í o→ó u→ú 4→€',
};

describe('default global shortcuts', () => {
  it('on Windows none is an AltGr chord on any of the common European layouts', () => {
    const keys = Object.values(ALTGR_LETTERS).flatMap((l) => l.split(' ').map((p) => p.split('→')[0]!));
    for (const accelerator of Object.values(WINDOWS_GLOBAL_SHORTCUTS)) {
      if (accelerator === null) continue;
      expect(isAltGrChord(accelerator, 'win32'), accelerator).toBe(false);
      const key = accelerator.split('+').at(-1)!.toLowerCase();
      expect(keys).not.toContain(key);
      expect(checkAccelerator(accelerator, 'win32').ok).toBe(true);
    }
    expect(acceleratorClashes(WINDOWS_GLOBAL_SHORTCUTS, 'win32')).toEqual([]);
  });

  it('leaves out the Ctrl+Alt+F-keys other software on agent desktops uses (Excel F9, Intel graphics F12)', () => {
    const keys = Object.values(WINDOWS_GLOBAL_SHORTCUTS).map((a) => a?.split('+').at(-1));
    for (const taken of ['F1', 'F2', 'F3', 'F4', 'F5', 'F9', 'F12']) expect(keys).not.toContain(taken);
  });

  it('the previous defaults are AltGr chords on Windows, which is why Windows has its own', () => {
    expect(altGrChords(DEFAULT_GLOBAL_SHORTCUTS, 'win32').map((c) => c.command)).toEqual([
      'showToolbar',
      'addParticipant',
      'toggleMuteSelected',
      'toggleHoldSelected',
      'selectNext',
    ]);
    expect(defaultGlobalShortcuts('win32')).toEqual(WINDOWS_GLOBAL_SHORTCUTS);
    expect(defaultGlobalShortcuts('linux')).toEqual(DEFAULT_GLOBAL_SHORTCUTS);
    expect(defaultGlobalShortcuts('darwin')).toEqual(DEFAULT_GLOBAL_SHORTCUTS);
  });

  it('reads an AltGr chord only on Windows and only with a key that types', () => {
    expect(isAltGrChord('Control+Alt+E', 'win32')).toBe(true);
    expect(isAltGrChord('Alt+CommandOrControl+7', 'win32')).toBe(true);
    expect(isAltGrChord('Ctrl+Alt+Shift+C', 'win32')).toBe(true); // AltGr+Shift: the capital Ć
    expect(isAltGrChord('AltGr+Q', 'win32')).toBe(true);
    expect(isAltGrChord('Control+Alt+F8', 'win32')).toBe(false);
    expect(isAltGrChord('Control+Shift+M', 'win32')).toBe(false);
    expect(isAltGrChord('Control+Alt+Super+M', 'win32')).toBe(false);
    expect(isAltGrChord('Control+Alt+M', 'linux')).toBe(false);
    expect(isAltGrChord('CommandOrControl+Alt+M', 'darwin')).toBe(false);
    expect(isAltGrChord('not a shortcut', 'win32')).toBe(false);
  });
});
