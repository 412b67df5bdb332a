import {
  canonicalShortcut,
  WINDOW_COMMANDS,
  type Settings,
  type WindowCommand,
} from '../../../shared/settings';
import { OFFER_KEY } from '../../../shared/session';

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
  | { kind: 'speedDial'; slot: number }
  | { kind: 'acceptOffer' };

interface Binding {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  key: string;
}

const MODIFIERS = new Set(['ctrl', 'alt', 'shift', 'meta']);

/**
 * 'Shift+?' → {shift, key:'?'}; 'Ctrl++' → {ctrl, key:'+'}; unknown modifiers make the binding unusable.
 * Reads the same canonical form Settings uses to find conflicts, so what clashes there is what matches here.
 */
export function parseBinding(text: string): Binding | null {
  const canonical = canonicalShortcut(text.trim());
  const key =
    canonical === '+' || canonical.endsWith('++') ? '+' : canonical.slice(canonical.lastIndexOf('+') + 1);
  if (key === '') return null;
  // Letters compare case-insensitively too (Caps Lock must not matter); named keys already are.
  const b: Binding = { ctrl: false, alt: false, shift: false, meta: false, key: normalKey(key) };
  for (const m of canonical.slice(0, -key.length).split('+').filter(Boolean)) {
    if (!MODIFIERS.has(m)) return null;
    b[m as keyof Omit<Binding, 'key'>] = true;
  }
  return b;
}

/** Event keys compare case-insensitively: 'Escape' = 'escape', and 'M' (Caps Lock) = 'm'. */
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
 * 1–9 select a participant, Alt+1–9 dial a speed-dial slot (by physical key: Alt changes `key` on macOS),
 * OFFER_KEY takes up the newest offer toast.
 */
export function matchKey(e: KeyLike, bindings: Settings['shortcuts']['window']): KeyCommand | null {
  for (const command of WINDOW_COMMANDS) {
    const text = bindings[command];
    if (!text) continue;
    const b = parseBinding(text);
    if (b && bindingMatches(b, e)) return { kind: 'window', command };
  }
  const plain = !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
  if (plain && normalKey(e.key) === OFFER_KEY) return { kind: 'acceptOffer' };
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
