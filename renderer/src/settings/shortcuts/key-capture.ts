import type { KeyLike } from '../../commands/keymap';

export type Captured = { ok: true; binding: string } | { ok: false; reason: string } | null;

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
]);

function isModifierOnly(e: KeyLike): boolean {
  return MODIFIER_ONLY.has(e.key) || e.key === 'Dead' || e.key === 'Unidentified' || e.key === 'Process';
}

/** The physical letter or digit under Alt (macOS turns Alt+M into 'µ'). */
function physical(e: KeyLike): string | null {
  return /^Key([A-Z])$/.exec(e.code)?.[1]?.toLowerCase() ?? /^Digit(\d)$/.exec(e.code)?.[1] ?? null;
}

/**
 * An in-window binding as the toolbar's keymap matches it (renderer/src/commands/keymap.ts): letters are
 * lower-case and name Shift explicitly; punctuation is the character typed (its Shift is implied by the
 * layout, as in the default '?'); named keys keep their KeyboardEvent.key name. null = keep waiting
 * (only a modifier was pressed).
 */
export function windowBindingFromEvent(e: KeyLike): Captured {
  if (isModifierOnly(e)) return null;
  if (e.key === ' ') return { ok: false, reason: 'Space cannot be a shortcut here; choose another key.' };
  const key = e.altKey ? (physical(e) ?? e.key) : e.key;
  const isLetter = /^[a-z]$/i.test(key);
  const named = key.length > 1;
  if (/^[1-9]$/.test(key) && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    return { ok: false, reason: '1–9 and Alt+1–9 are reserved for selecting participants and speed dial.' };
  }
  const mods = [
    e.ctrlKey && 'Ctrl',
    e.altKey && 'Alt',
    e.shiftKey && (isLetter || named) && 'Shift',
    e.metaKey && 'Meta',
  ].filter(Boolean);
  return { ok: true, binding: [...mods, isLetter ? key.toLowerCase() : key].join('+') };
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
function acceleratorKey(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return letter;
  const digit = /^Digit(\d)$/.exec(code)?.[1];
  if (digit) return digit;
  const pad = /^Numpad(\d)$/.exec(code)?.[1];
  if (pad) return `num${pad}`;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return CODE_NAMES[code] ?? null;
}

/**
 * A global shortcut as an Electron accelerator ('CommandOrControl+Alt+M'). A global shortcut fires in
 * every application, so it needs Ctrl/Cmd or Alt (F-keys may stand alone).
 */
export function acceleratorFromEvent(e: KeyLike): Captured {
  if (isModifierOnly(e)) return null;
  const key = acceleratorKey(e.code);
  if (key === null) return { ok: false, reason: `“${e.key}” cannot be used in a global shortcut.` };
  const fKey = /^F\d+$/.test(key);
  if (!fKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
    return {
      ok: false,
      reason: 'A global shortcut needs Ctrl (or Cmd) or Alt, so it does not swallow typing.',
    };
  }
  const mods = [
    (e.ctrlKey || e.metaKey) && 'CommandOrControl',
    e.altKey && 'Alt',
    e.shiftKey && 'Shift',
  ].filter(Boolean);
  return { ok: true, binding: [...mods, key].join('+') };
}

/** How an accelerator reads on this platform: 'CommandOrControl+Alt+M' → 'Ctrl+Alt+M' (or 'Cmd+Alt+M'). */
export function displayAccelerator(accelerator: string, mac: boolean): string {
  return accelerator
    .split('+')
    .map((p) => {
      const l = p.toLowerCase();
      if (l === 'commandorcontrol' || l === 'cmdorctrl') return mac ? 'Cmd' : 'Ctrl';
      if (l === 'control' || l === 'ctrl') return 'Ctrl';
      if (l === 'command' || l === 'cmd') return 'Cmd';
      if (l === 'alt' || l === 'option') return mac ? 'Option' : 'Alt';
      return p;
    })
    .join('+');
}

/** Global accelerators bound to more than one command, compared case-insensitively. */
export function findGlobalDuplicates(
  global: Record<string, string | null | undefined>,
): Array<{ key: string; commands: string[] }> {
  const byKey = new Map<string, string[]>();
  for (const [command, acc] of Object.entries(global)) {
    if (!acc) continue;
    const key = canonicalAccelerator(acc);
    byKey.set(key, [...(byKey.get(key) ?? []), command]);
  }
  return [...byKey.entries()].filter(([, c]) => c.length > 1).map(([key, commands]) => ({ key, commands }));
}

const ACC_ALIASES: Record<string, string> = {
  cmdorctrl: 'commandorcontrol',
  option: 'alt',
  return: 'enter',
  esc: 'escape',
};

function canonicalAccelerator(acc: string): string {
  const parts = acc.split('+').map((p) => {
    const l = p.trim().toLowerCase();
    return ACC_ALIASES[l] ?? l;
  });
  const key = parts.pop() ?? '';
  return [...new Set(parts)].sort().concat(key).join('+');
}
