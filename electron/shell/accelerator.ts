/**
 * Electron accelerators ("CommandOrControl+Alt+M"), checked and canonicalised without Electron, so that a
 * bad or clashing global shortcut is explained before `globalShortcut.register` is ever called.
 */

export type AcceleratorCheck = { ok: true; canonical: string } | { ok: false; problem: string };

/** Modifier spellings Electron accepts, mapped to the physical key they press on `platform`. */
function modifierKey(token: string, platform: NodeJS.Platform): string | null {
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
const KEY_ALIASES: Record<string, string> = { return: 'enter', esc: 'escape' };
// Keys that type nothing and are rarely used by other programs: safe as a global shortcut on their own.
const STANDALONE_KEYS = new Set(
  'volumeup volumedown volumemute medianexttrack mediaprevioustrack mediastop mediaplaypause'.split(' '),
);
const PUNCTUATION = new Set([...')!@#$%^&*(:;=<,_->.?/~`{][|\\}"\'']);

/** The canonical key name, or null when Electron would not know it. */
function keyName(token: string): string | null {
  const t = KEY_ALIASES[token] ?? token;
  if (/^[a-z0-9]$/.test(t) || PUNCTUATION.has(t)) return t;
  if (/^f([1-9]|1[0-9]|2[0-4])$/.test(t)) return t;
  if (/^num[0-9]$/.test(t) || NAMED_KEYS.has(t) || STANDALONE_KEYS.has(t)) return t;
  return null;
}

function isFunctionKey(key: string): boolean {
  return /^f\d+$/.test(key) || STANDALONE_KEYS.has(key);
}

/**
 * Validates one accelerator for use as a *global* shortcut on `platform`. The canonical form (modifiers
 * resolved for the platform and sorted, key lower-cased) is equal for two accelerators exactly when they
 * press the same keys, e.g. "CmdOrCtrl+Alt+M" and "Alt+Control+m" on Windows.
 * A typing key needs Ctrl, Alt or Cmd/Super: a bare letter, or Shift+letter, would be taken from every app.
 */
export function checkAccelerator(accelerator: string, platform: NodeJS.Platform): AcceleratorCheck {
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
    const modifier = modifierKey(token, platform);
    if (modifier) {
      modifiers.add(modifier);
      continue;
    }
    const key = keyName(token);
    if (!key) return { ok: false, problem: `"${clip(token)}" is not a key Electron knows.` };
    keys.push(key);
  }
  if (keys.length === 0) return { ok: false, problem: 'The shortcut has modifiers but no key.' };
  if (keys.length > 1) return { ok: false, problem: 'A shortcut has exactly one key besides its modifiers.' };
  const key = keys[0]!;
  const strong = [...modifiers].some((m) => m !== 'shift');
  if (!strong && !isFunctionKey(key)) {
    return {
      ok: false,
      problem:
        'A global shortcut needs Ctrl, Alt or Cmd; on its own it would take the key from every application.',
    };
  }
  return { ok: true, canonical: [...[...modifiers].sort(), key].join('+') };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
