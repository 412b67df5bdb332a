import { GLOBAL_COMMANDS, WINDOW_COMMANDS, type Settings } from './settings';

/**
 * Shortcuts, the one module that reads them. Two kinds, one vocabulary:
 * - window keys (the toolbar's keymap): KeyboardEvent.key with modifiers, 'n', 'Shift+?', 'Ctrl+k', 'Escape';
 * - global accelerators (Electron's `globalShortcut`): 'CommandOrControl+Alt+M'.
 * Each is parsed, checked, canonicalised, displayed and checked for clashes here, so settings validation,
 * the global-shortcut plan, the keymap and the key recorder agree on what "the same shortcut" means: two
 * texts clash exactly when their canonical forms are equal. Pure and Node-free (the renderer imports it).
 * It is one job in several small parts; keeping the two kinds side by side is what keeps them consistent.
 */

export type ShortcutCheck = { ok: true; canonical: string } | { ok: false; problem: string };

/** `process.platform` (or what the renderer knows of it): only macOS ('darwin') reads modifiers differently. */
export type ShortcutPlatform = string;

/** The parts of a KeyboardEvent a shortcut is made of. */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** 'Ctrl+Alt+k' → modifiers and key; a bare or trailing '+' ('+', 'Ctrl++') is the plus key itself. */
function split(text: string): { modifiers: string[]; key: string } {
  const parts = text.split('+').map((p) => p.trim());
  let key = parts.pop() ?? '';
  if (key === '' && parts.length > 0 && parts[parts.length - 1] === '') {
    parts.pop();
    key = '+';
  }
  return { modifiers: parts, key };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// ---------------------------------------------------------------------------------------------------------
// Window keys

export interface WindowKey {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  /** Lower-cased KeyboardEvent.key ('m', '?', 'escape', '+'). */
  key: string;
}

type WindowModifier = 'ctrl' | 'alt' | 'shift' | 'meta';
const WINDOW_MODIFIERS: Record<string, WindowModifier> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
  super: 'meta',
};
const WINDOW_KEY_ALIASES: Record<string, string> = { esc: 'escape', return: 'enter', space: ' ' };

/**
 * Letters and named keys ('escape', 'f2') are the same key whatever the layout does with Shift, so Shift
 * counts for them; punctuation is the character typed, its Shift implied by the layout ('?' is Shift+/ on
 * one keyboard and a key of its own on another), so for punctuation Shift adds nothing.
 */
export function shiftMatters(key: string): boolean {
  return key.length > 1 || /^[a-z]$/.test(key);
}

/** Parses a window key; null when it is not one (empty, unknown modifier, several keys). */
export function parseWindowKey(text: string): WindowKey | null {
  const { modifiers, key: raw } = split(text.trim());
  if (raw === '') return null;
  const lower = raw.toLowerCase();
  const b: WindowKey = {
    ctrl: false,
    alt: false,
    shift: false,
    meta: false,
    key: WINDOW_KEY_ALIASES[lower] ?? lower,
  };
  for (const m of modifiers) {
    const modifier = WINDOW_MODIFIERS[m.toLowerCase()];
    if (!modifier) return null;
    b[modifier] = true;
  }
  if (b.shift && !shiftMatters(b.key)) b.shift = false;
  return b;
}

function windowCanonical(b: WindowKey): string {
  const mods = (['alt', 'ctrl', 'meta', 'shift'] as const).filter((m) => b[m]);
  return [...mods, b.key].join('+');
}

/** Checks a window key as settings store it; the canonical form is 'alt+ctrl+k' (modifiers sorted). */
export function checkWindowKey(text: string): ShortcutCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'The shortcut is empty.' };
  if (trimmed.length > 60) return { ok: false, problem: 'The shortcut is too long.' };
  const b = parseWindowKey(trimmed);
  if (!b) {
    const { modifiers } = split(trimmed);
    const bad = modifiers.find((m) => !WINDOW_MODIFIERS[m.toLowerCase()]) ?? trimmed;
    return {
      ok: false,
      problem: `"${clip(bad)}" is not a modifier: a window shortcut is one key with Ctrl, Alt, Shift or Cmd.`,
    };
  }
  if (WINDOW_MODIFIERS[b.key]) return { ok: false, problem: 'The shortcut has modifiers but no key.' };
  if (b.key === ' ') return { ok: false, problem: 'Space cannot be a shortcut here; choose another key.' };
  if (/^[1-9]$/.test(b.key) && !b.ctrl && !b.meta && !b.shift) {
    return { ok: false, problem: '1–9 and Alt+1–9 are reserved for selecting participants and speed dial.' };
  }
  return { ok: true, canonical: windowCanonical(b) };
}

const WINDOW_KEY_NAMES: Record<string, string> = {
  escape: 'Esc',
  enter: 'Enter',
  ' ': 'Space',
  arrowup: '↑',
  arrowdown: '↓',
  arrowleft: '←',
  arrowright: '→',
};

/** How a window key reads in the help overlay and settings: 'alt+ctrl+k' → 'Ctrl+Alt+K', 'Escape' → 'Esc'. */
export function displayWindowKey(text: string): string {
  const b = parseWindowKey(text);
  if (!b) return text;
  const key =
    WINDOW_KEY_NAMES[b.key] ??
    (b.key.length === 1 ? b.key.toUpperCase() : b.key[0]!.toUpperCase() + b.key.slice(1));
  return [b.ctrl && 'Ctrl', b.alt && 'Alt', b.shift && 'Shift', b.meta && 'Cmd', key]
    .filter(Boolean)
    .join('+');
}

// ---------------------------------------------------------------------------------------------------------
// Global accelerators (Electron's syntax)

/** Modifier spellings Electron accepts, mapped to the physical key they press on `platform`. */
function acceleratorModifier(token: string, platform: ShortcutPlatform): string | null {
  switch (token) {
    case 'command':
    case 'cmd':
    case 'super':
    case 'meta':
      return 'super';
    case 'control':
    case 'ctrl':
      return 'control';
    case 'commandorcontrol':
    case 'cmdorctrl':
      return platform === 'darwin' ? 'super' : 'control';
    case 'alt':
    case 'option':
      return 'alt';
    case 'altgr':
      return 'altgr';
    case 'shift':
      return 'shift';
    default:
      return null;
  }
}

const NAMED_KEYS = new Set(
  (
    'plus space tab capslock numlock scrolllock backspace delete insert enter up down left right home end ' +
    'pageup pagedown escape printscreen numdec numadd numsub nummult numdiv'
  ).split(' '),
);
const ACCELERATOR_KEY_ALIASES: Record<string, string> = { return: 'enter', esc: 'escape' };
// Keys that type nothing and are rarely used by other programs: safe as a global shortcut on their own.
const STANDALONE_KEYS = new Set(
  'volumeup volumedown volumemute medianexttrack mediaprevioustrack mediastop mediaplaypause'.split(' '),
);
const PUNCTUATION = new Set([...')!@#$%^&*(:;=<,_->.?/~`{][|\\}"\'']);

/** The canonical key name, or null when Electron would not know it. */
function acceleratorKeyName(token: string): string | null {
  const t = ACCELERATOR_KEY_ALIASES[token] ?? token;
  if (/^[a-z0-9]$/.test(t) || PUNCTUATION.has(t)) return t;
  if (/^f([1-9]|1[0-9]|2[0-4])$/.test(t)) return t;
  if (/^num[0-9]$/.test(t) || NAMED_KEYS.has(t) || STANDALONE_KEYS.has(t)) return t;
  return null;
}

function standsAlone(key: string): boolean {
  return /^f\d+$/.test(key) || STANDALONE_KEYS.has(key);
}

/**
 * Checks one accelerator for use as a *global* shortcut on `platform`. The canonical form (modifiers
 * resolved for the platform and sorted, key lower-cased) is equal for two accelerators exactly when they
 * press the same keys, e.g. "CmdOrCtrl+Alt+M" and "Alt+Control+m" on Windows and Linux.
 * A typing key needs Ctrl, Alt or Cmd/Super: a bare letter, or Shift+letter, would be taken from every app.
 */
export function checkAccelerator(accelerator: string, platform: ShortcutPlatform): ShortcutCheck {
  const text = accelerator.trim();
  if (text === '') return { ok: false, problem: 'The shortcut is empty.' };
  if (text.length > 100) return { ok: false, problem: 'The shortcut is too long.' };
  const tokens = text.split('+').map((t) => t.trim().toLowerCase());
  if (tokens.some((t) => t === '')) {
    return { ok: false, problem: `"${clip(text)}" has an empty part; write the plus key as "Plus".` };
  }

  const modifiers = new Set<string>();
  const keys: string[] = [];
  for (const token of tokens) {
    const modifier = acceleratorModifier(token, platform);
    if (modifier) {
      modifiers.add(modifier);
      continue;
    }
    const key = acceleratorKeyName(token);
    if (!key) return { ok: false, problem: `"${clip(token)}" is not a key Electron knows.` };
    keys.push(key);
  }
  if (keys.length === 0) return { ok: false, problem: 'The shortcut has modifiers but no key.' };
  if (keys.length > 1) return { ok: false, problem: 'A shortcut has exactly one key besides its modifiers.' };
  const key = keys[0]!;
  const strong = [...modifiers].some((m) => m !== 'shift');
  if (!strong && !standsAlone(key)) {
    return {
      ok: false,
      problem:
        'A global shortcut needs Ctrl, Alt or Cmd; on its own it would take the key from every application.',
    };
  }
  return { ok: true, canonical: [...[...modifiers].sort(), key].join('+') };
}

/** How an accelerator reads on `platform`: 'CommandOrControl+Alt+M' → 'Ctrl+Alt+M' (or 'Cmd+Option+M'). */
export function displayAccelerator(accelerator: string, platform: ShortcutPlatform): string {
  const mac = platform === 'darwin';
  return accelerator
    .split('+')
    .map((p) => {
      const l = p.trim().toLowerCase();
      if (l === 'commandorcontrol' || l === 'cmdorctrl') return mac ? 'Cmd' : 'Ctrl';
      if (l === 'control' || l === 'ctrl') return 'Ctrl';
      if (l === 'command' || l === 'cmd' || l === 'meta' || l === 'super') return mac ? 'Cmd' : 'Super';
      if (l === 'alt' || l === 'option') return mac ? 'Option' : 'Alt';
      if (l === 'shift') return 'Shift';
      return l.length === 1 ? l.toUpperCase() : p.trim();
    })
    .join('+');
}

// ---------------------------------------------------------------------------------------------------------
// Recording a shortcut from a key press

const MODIFIER_ONLY = new Set([
  'Control',
  'Alt',
  'AltGraph',
  'Shift',
  'Meta',
  'OS',
  'Super',
  'Hyper',
  'Fn',
  'CapsLock',
  'Dead',
  'Unidentified',
  'Process',
]);

/** The physical letter or digit under the key (macOS turns Alt+M into 'µ'). */
export function physicalKey(code: string): string | null {
  return /^Key([A-Z])$/.exec(code)?.[1]?.toLowerCase() ?? /^Digit(\d)$/.exec(code)?.[1] ?? null;
}

/** null: keep waiting (only a modifier was pressed); otherwise the shortcut or why it cannot be one. */
export type Recorded = { ok: true; binding: string } | { ok: false; reason: string } | null;

/**
 * A window key as the keymap matches it: letters lower-case with Shift named; punctuation as typed (its
 * Shift implied); named keys keep their KeyboardEvent.key name; under Alt the physical letter or digit.
 */
export function windowKeyFromEvent(e: KeyLike): Recorded {
  if (MODIFIER_ONLY.has(e.key)) return null;
  const raw = e.altKey ? (physicalKey(e.code) ?? e.key) : e.key;
  const key = /^[a-z]$/i.test(raw) ? raw.toLowerCase() : raw;
  const mods = [
    e.ctrlKey && 'Ctrl',
    e.altKey && 'Alt',
    e.shiftKey && shiftMatters(key.toLowerCase()) && 'Shift',
    e.metaKey && 'Meta',
  ].filter(Boolean);
  const binding = [...mods, key === ' ' ? 'Space' : key].join('+');
  const check = checkWindowKey(binding);
  return check.ok ? { ok: true, binding } : { ok: false, reason: check.problem };
}

const CODE_NAMES: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  NumpadEnter: 'Enter',
  Tab: 'Tab',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
};

/** The Electron accelerator key for a physical key, independent of layout and modifiers. */
function acceleratorKeyOf(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return letter;
  const digit = /^Digit(\d)$/.exec(code)?.[1];
  if (digit) return digit;
  const pad = /^Numpad(\d)$/.exec(code)?.[1];
  if (pad) return `num${pad}`;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return CODE_NAMES[code] ?? null;
}

/** A global accelerator from a key press ('CommandOrControl+Alt+M'), checked as settings will check it. */
export function acceleratorFromEvent(e: KeyLike, platform: ShortcutPlatform): Recorded {
  if (MODIFIER_ONLY.has(e.key)) return null;
  const key = acceleratorKeyOf(e.code);
  if (key === null) return { ok: false, reason: `“${e.key}” cannot be used in a global shortcut.` };
  const mods = [
    (e.ctrlKey || e.metaKey) && 'CommandOrControl',
    e.altKey && 'Alt',
    e.shiftKey && 'Shift',
  ].filter(Boolean);
  const binding = [...mods, key].join('+');
  const check = checkAccelerator(binding, platform);
  return check.ok ? { ok: true, binding } : { ok: false, reason: check.problem };
}

// ---------------------------------------------------------------------------------------------------------
// Clashes

export interface ShortcutClash {
  /** The canonical form the commands share. */
  key: string;
  /** In command order. */
  commands: string[];
  /** Each command's text as written, same order. */
  bindings: string[];
}

function clashes(
  map: Partial<Record<string, string | null>>,
  order: readonly string[],
  canonical: (text: string) => string | null,
): ShortcutClash[] {
  const byKey = new Map<string, ShortcutClash>();
  for (const command of order) {
    const text = map[command];
    if (text === null || text === undefined || text.trim() === '') continue;
    const key = canonical(text) ?? `invalid:${text.trim()}`;
    const clash = byKey.get(key) ?? { key, commands: [], bindings: [] };
    clash.commands.push(command);
    clash.bindings.push(text.trim());
    byKey.set(key, clash);
  }
  return [...byKey.values()].filter((c) => c.commands.length > 1);
}

/** Window keys bound to more than one command (empty bindings are ignored). */
export function windowKeyClashes(window: Partial<Settings['shortcuts']['window']>): ShortcutClash[] {
  return clashes(window, WINDOW_COMMANDS, (t) => {
    const c = checkWindowKey(t);
    return c.ok ? c.canonical : null;
  });
}

/** Global accelerators that press the same keys on `platform` (off and empty ones are ignored). */
export function acceleratorClashes(
  global: Partial<Settings['shortcuts']['global']>,
  platform: ShortcutPlatform,
): ShortcutClash[] {
  return clashes(global, GLOBAL_COMMANDS, (t) => {
    const c = checkAccelerator(t, platform);
    return c.ok ? c.canonical : null;
  });
}
