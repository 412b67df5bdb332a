import type { GlobalShortcutStatus } from '../../shared/session';
import { GLOBAL_COMMANDS, type GlobalCommand } from '../../shared/settings';
import { isAltGrChord } from '../../shared/global-shortcut-defaults';
import { checkAccelerator } from '../../shared/shortcuts';

export interface ShortcutToRegister {
  command: GlobalCommand;
  accelerator: string;
}

export interface GlobalShortcutPlan {
  /** What to hand to `globalShortcut.register`, in command order. */
  register: ShortcutToRegister[];
  /** Final statuses of the commands that will not be registered (off, invalid, duplicate). */
  settled: GlobalShortcutStatus[];
}

/** What the desktop changes about a status: Wayland's portal, the platform's AltGr. */
export interface StatusContext {
  /** The problem when `register` returned false (default TAKEN_PROBLEM; on Wayland, the portal's refusal). */
  refused?: string;
  /** Added to every registered shortcut (Wayland: what registration does not promise there). */
  note?: string | null;
  /** process.platform, for the AltGr note (Windows). */
  platform?: string;
}

export const ALTGR_NOTE =
  'Also AltGr plus a key: on many keyboard layouts it types a character (ć, ń, €, @…) that cannot be typed ' +
  'elsewhere while ConfBar holds it.';

function noteFor(accelerator: string, ok: boolean, desktop: StatusContext): { note?: string } {
  if (!ok) return {};
  const notes = [
    desktop.platform && isAltGrChord(accelerator, desktop.platform) ? ALTGR_NOTE : null,
    desktop.note ?? null,
  ].filter((n): n is string => n !== null);
  return notes.length > 0 ? { note: notes.join(' ') } : {};
}

export const TAKEN_PROBLEM = 'Taken by another application (or the system); choose another shortcut.';

/**
 * Decides which global shortcuts to register. Commands are taken in `GLOBAL_COMMANDS` order; an invalid
 * accelerator is reported and skipped; when two commands press the same keys the earlier command keeps
 * them and the later one is reported as a duplicate, so the outcome does not depend on object key order.
 */
export function planGlobalShortcuts(
  map: Partial<Record<GlobalCommand, string | null>>,
  platform: NodeJS.Platform,
): GlobalShortcutPlan {
  const register: ShortcutToRegister[] = [];
  const settled: GlobalShortcutStatus[] = [];
  const owners = new Map<string, GlobalCommand>();

  for (const command of GLOBAL_COMMANDS) {
    const raw = map[command];
    if (raw === null || raw === undefined || raw.trim() === '') {
      settled.push({ command, accelerator: null, registered: false, problem: null });
      continue;
    }
    const accelerator = raw.trim();
    const check = checkAccelerator(accelerator, platform);
    if (!check.ok) {
      settled.push({ command, accelerator, registered: false, problem: check.problem });
      continue;
    }
    const owner = owners.get(check.canonical);
    if (owner) {
      settled.push({ command, accelerator, registered: false, problem: `Same shortcut as "${owner}".` });
      continue;
    }
    owners.set(check.canonical, command);
    register.push({ command, accelerator });
  }
  return { register, settled };
}

/**
 * Every command's status once registration ran: `registered[command]` is what `globalShortcut.register`
 * returned (false means another application holds the keys), or an Error it threw. Ordered as
 * `GLOBAL_COMMANDS`.
 */
export function globalShortcutStatuses(
  plan: GlobalShortcutPlan,
  registered: Partial<Record<GlobalCommand, boolean | Error>>,
  desktop: StatusContext = {},
): GlobalShortcutStatus[] {
  const byCommand = new Map<string, GlobalShortcutStatus>(plan.settled.map((s) => [s.command, s]));
  for (const { command, accelerator } of plan.register) {
    const outcome = registered[command];
    byCommand.set(command, {
      command,
      accelerator,
      registered: outcome === true,
      problem:
        outcome === true
          ? null
          : outcome instanceof Error
            ? `Could not register: ${outcome.message}`
            : outcome === false
              ? (desktop.refused ?? TAKEN_PROBLEM)
              : 'Not registered.',
      ...noteFor(accelerator, outcome === true, desktop),
    });
  }
  return GLOBAL_COMMANDS.map((command) => byCommand.get(command)!);
}
