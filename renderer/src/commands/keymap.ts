import { WINDOW_COMMANDS, type Settings, type WindowCommand } from '../../../shared/settings';

/** The parts of a KeyboardEvent the keymap reads (so it stays a pure, testable function). */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export type KeyCommand =
  | { kind: 'window'; command: WindowCommand }
  | { kind: 'select'; index: number }
  | { kind: 'speedDial'; slot: number };

interface Binding {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  key: string;
}

const MODIFIERS: Record<string, keyof Omit<Binding, 'key'>> = {
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

/** 'Shift+?' → {shift, key:'?'}; 'Ctrl++' → {ctrl, key:'+'}; unknown modifiers make the binding unusable. */
export function parseBinding(text: string): Binding | null {
  const parts = text.trim().split('+');
  let key = parts.pop() ?? '';
  if (key === '' && parts.length > 0) {
    parts.pop();
    key = '+';
  }
  if (key === '') return null;
  const b: Binding = { ctrl: false, alt: false, shift: false, meta: false, key: normalKey(key) };
  for (const m of parts) {
    const which = MODIFIERS[m.trim().toLowerCase()];
    if (!which) return null;
    b[which] = true;
  }
  return b;
}

/** Named keys compare case-insensitively ('Escape' = 'escape'); so do letters (Caps Lock must not matter). */
function normalKey(key: string): string {
  return key.toLowerCase();
}

/** The key as the agent meant it: on macOS Alt turns 'm' into 'µ', so with Alt the physical key wins. */
function eventKey(e: KeyLike): string {
  if (e.altKey) {
    const letter = /^Key([A-Z])$/.exec(e.code)?.[1];
    if (letter) return letter.toLowerCase();
    const digit = /^Digit(\d)$/.exec(e.code)?.[1];
    if (digit) return digit;
  }
  return normalKey(e.key);
}

function isLetterOrNamed(key: string): boolean {
  return key.length > 1 || /^[a-z]$/.test(key);
}

export function bindingMatches(b: Binding, e: KeyLike): boolean {
  if (b.ctrl !== e.ctrlKey || b.alt !== e.altKey || b.meta !== e.metaKey) return false;
  if (eventKey(e) !== b.key) return false;
  // '?' and ',' are typed with or without Shift depending on the layout: only letters and named keys
  // (and bindings that name Shift explicitly) care about it.
  if (b.shift) return e.shiftKey;
  return isLetterOrNamed(b.key) ? !e.shiftKey : true;
}

function digitOf(code: string): number | null {
  const d = /^(?:Digit|Numpad)([1-9])$/.exec(code)?.[1];
  return d ? Number(d) : null;
}

/**
 * The command a key press means, or null. The agent's window map comes first; then the fixed keys:
 * 1–9 select a participant, Alt+1–9 dial a speed-dial slot (by physical key: Alt changes `key` on macOS).
 */
export function matchKey(e: KeyLike, bindings: Settings['shortcuts']['window']): KeyCommand | null {
  for (const command of WINDOW_COMMANDS) {
    const text = bindings[command];
    if (!text) continue;
    const b = parseBinding(text);
    if (b && bindingMatches(b, e)) return { kind: 'window', command };
  }
  const digit = digitOf(e.code);
  if (digit === null || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  return e.altKey ? { kind: 'speedDial', slot: digit } : { kind: 'select', index: digit - 1 };
}

/** How a binding is shown in the help overlay: 'Shift+?' stays, 'Escape' reads 'Esc'. */
export function displayBinding(text: string): string {
  const b = parseBinding(text);
  if (!b) return text;
  const names: Record<string, string> = {
    escape: 'Esc',
    enter: 'Enter',
    ' ': 'Space',
    arrowup: '↑',
    arrowdown: '↓',
  };
  const key =
    names[b.key] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key[0]!.toUpperCase() + b.key.slice(1));
  return [b.ctrl && 'Ctrl', b.alt && 'Alt', b.shift && 'Shift', b.meta && 'Cmd', key]
    .filter(Boolean)
    .join('+');
}
