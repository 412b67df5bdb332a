import { WINDOW_COMMANDS, type Settings, type WindowCommand } from '../../../shared/settings';
import {
  parseWindowKey,
  physicalKey,
  shiftMatters,
  type KeyLike,
  type WindowKey,
} from '../../../shared/shortcuts';
import { OFFER_KEY } from '../../../shared/session';

export type KeyCommand =
  | { kind: 'window'; command: WindowCommand }
  | { kind: 'select'; index: number }
  | { kind: 'speedDial'; slot: number }
  | { kind: 'acceptOffer' };

/** The key as the agent meant it: on macOS Alt turns 'm' into 'µ', so with Alt the physical key wins. */
function eventKey(e: KeyLike): string {
  return (e.altKey ? physicalKey(e.code) : null) ?? e.key.toLowerCase();
}

/**
 * Whether a press is the binding. Bindings come from shared/shortcuts.ts, the module Settings uses to find
 * clashes, so what clashes there is what matches here. Shift counts only where it changes the key (letters,
 * named keys) or the binding names it; punctuation is matched by the character typed.
 */
export function bindingMatches(b: WindowKey, e: KeyLike): boolean {
  if (b.ctrl !== e.ctrlKey || b.alt !== e.altKey || b.meta !== e.metaKey) return false;
  if (eventKey(e) !== b.key) return false;
  if (b.shift) return e.shiftKey;
  return shiftMatters(b.key) ? !e.shiftKey : true;
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
    const b = parseWindowKey(text);
    if (b && bindingMatches(b, e)) return { kind: 'window', command };
  }
  const plain = !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
  if (plain && e.key.toLowerCase() === OFFER_KEY) return { kind: 'acceptOffer' };
  const digit = digitOf(e.code);
  if (digit === null || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  return e.altKey ? { kind: 'speedDial', slot: digit } : { kind: 'select', index: digit - 1 };
}
