import { DEFAULT_GLOBAL_SHORTCUTS, type GlobalCommand } from './settings';
import { checkAccelerator, type ShortcutPlatform } from './shortcuts';

/**
 * The global shortcuts a fresh install starts with, per platform (README, "Default global shortcuts").
 *
 * macOS and Linux keep Cmd+Option / Ctrl+Alt + letter (DEFAULT_GLOBAL_SHORTCUTS): there Ctrl+Alt types
 * nothing. On Windows, Ctrl+Alt *is* AltGr: on Polish, German, French, Spanish, Italian, Czech, Hungarian,
 * Nordic, Portuguese… layouts Ctrl+Alt+letter types ą ć ę ł ń ó ś ź ż, €, µ, @, {, [ … — a global shortcut
 * there would fire ConfBar instead of typing the letter in the CRM. Almost every letter and digit is an AltGr
 * character on some common layout, while no layout types anything with AltGr+F-key; browsers and CRMs use no
 * Ctrl+Alt+F-key. F9 (Excel's Ctrl+Alt+F9, recalculate all), F12 (Intel graphics' Ctrl+Alt+F12), F1–F5
 * (F4 is one key from Alt+F4) are left out.
 */
export const WINDOWS_GLOBAL_SHORTCUTS: Readonly<Record<GlobalCommand, string | null>> = Object.freeze({
  showToolbar: 'Control+Alt+F6',
  addParticipant: 'Control+Alt+F7',
  toggleMuteSelected: 'Control+Alt+F8',
  toggleHoldSelected: 'Control+Alt+F10',
  selectNext: 'Control+Alt+F11',
  dropSelected: null,
});

/** The defaults for `platform` (process.platform, or 'win32' / 'darwin' / 'other' in the renderer). */
export function defaultGlobalShortcuts(platform: ShortcutPlatform): Record<GlobalCommand, string | null> {
  return { ...(platform === 'win32' ? WINDOWS_GLOBAL_SHORTCUTS : DEFAULT_GLOBAL_SHORTCUTS) };
}

/**
 * True when, on `platform`, pressing `accelerator` is also how a person types a character with AltGr:
 * Windows only (AltGr = Ctrl+Alt there), Ctrl+Alt (with or without Shift, which gives the capital) or AltGr,
 * and a key that types (a letter, digit or punctuation; not F-keys or named keys).
 */
export function isAltGrChord(accelerator: string, platform: ShortcutPlatform): boolean {
  if (platform !== 'win32') return false;
  const check = checkAccelerator(accelerator, platform);
  if (!check.ok) return false;
  const parts = check.canonical.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts);
  const altGr = mods.has('altgr') || (mods.has('control') && mods.has('alt'));
  return altGr && !mods.has('super') && key.length === 1;
}

/** The commands of `map` whose shortcut is an AltGr chord on `platform`, with the shortcut. */
export function altGrChords(
  map: Partial<Record<string, unknown>>,
  platform: ShortcutPlatform,
): { command: string; accelerator: string }[] {
  return Object.entries(map).flatMap(([command, accelerator]) =>
    typeof accelerator === 'string' && isAltGrChord(accelerator, platform) ? [{ command, accelerator }] : [],
  );
}
