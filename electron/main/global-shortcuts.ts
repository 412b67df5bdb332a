import { globalShortcut } from 'electron';
import type { GlobalShortcutStatus } from '../../shared/session';
import type { GlobalCommand, Settings } from '../../shared/settings';
import type { Logger } from '../core/log';
import {
  globalShortcutStatuses,
  planGlobalShortcuts,
  type StatusContext,
} from '../shell/global-shortcut-plan';

export interface GlobalShortcuts {
  /** Registers `map` (settings.shortcuts.global), replacing what was registered; no-op when unchanged. */
  apply(map: Settings['shortcuts']['global']): void;
  statuses(): GlobalShortcutStatus[];
  dispose(): void;
}

/**
 * Global shortcuts from settings. Invalid and duplicate accelerators are reported without registering;
 * a `register` that returns false means another application holds the keys. Every change of the
 * statuses is passed to `onStatuses` (the shell sends it as the `shortcuts` event).
 */
export function createGlobalShortcuts(deps: {
  onCommand: (command: GlobalCommand) => void;
  onStatuses: (statuses: GlobalShortcutStatus[]) => void;
  log: Logger;
  /** What the desktop changes about the statuses (Wayland's portal, Windows' AltGr). */
  desktop?: StatusContext;
}): GlobalShortcuts {
  let applied: string | null = null;
  let current: GlobalShortcutStatus[] = [];

  return {
    apply(map) {
      const key = JSON.stringify(map);
      if (key === applied) return;
      applied = key;
      globalShortcut.unregisterAll();
      const plan = planGlobalShortcuts(map, process.platform);
      const outcome: Partial<Record<GlobalCommand, boolean | Error>> = {};
      for (const { command, accelerator } of plan.register) {
        try {
          outcome[command] = globalShortcut.register(accelerator, () => deps.onCommand(command));
        } catch (e) {
          outcome[command] = e instanceof Error ? e : new Error(String(e));
        }
      }
      current = globalShortcutStatuses(plan, outcome, deps.desktop);
      for (const s of current.filter((s) => s.problem)) {
        deps.log.warn('global shortcut not registered', {
          command: s.command,
          accelerator: s.accelerator,
          problem: s.problem,
        });
      }
      deps.onStatuses(current);
    },
    statuses: () => current,
    dispose() {
      globalShortcut.unregisterAll();
      applied = null;
    },
  };
}
