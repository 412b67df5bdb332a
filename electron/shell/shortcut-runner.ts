import type { ToastEvent } from '../../shared/session';
import type { GlobalCommand, Settings } from '../../shared/settings';
import type { Logger } from '../core/log';
import { planShortcutAction } from './shortcut-action';
import { errorToast } from './toast';
import type { TypedInvoke } from './typed-invoke';

export interface ShortcutRunnerDeps {
  invoke: TypedInvoke;
  settings: () => Settings;
  showWindow: () => void;
  /** Sends the `command` event to the renderer. */
  command: (command: GlobalCommand) => void;
  toast: (toast: ToastEvent) => void;
  log: Logger;
}

/**
 * Runs a global command against the call as main knows it: mute/hold/drop/select act on the selected
 * participant straight away (the CRM keeps focus); "add" and a drop that needs confirming bring the window
 * forward and hand over to the renderer with a `command` event. Failures become toasts.
 */
export function createShortcutRunner(deps: ShortcutRunnerDeps): (command: GlobalCommand) => Promise<void> {
  return async (command) => {
    const snapshot = await deps.invoke('getSnapshot', {});
    if (!snapshot.ok) {
      deps.log.error('global shortcut: no snapshot', { command, kind: snapshot.error.kind });
      return;
    }
    const action = planShortcutAction(command, {
      snapshot: snapshot.value,
      confirmBeforeDrop: deps.settings().behaviour.confirmBeforeDrop,
    });
    switch (action.kind) {
      case 'show':
        deps.showWindow();
        return;
      case 'show-and-command':
        deps.showWindow();
        deps.command(action.command);
        return;
      case 'explain':
        deps.toast({ level: 'info', message: action.message });
        return;
      case 'invoke': {
        const result = await deps.invoke(action.name, action.input);
        if (!result.ok) deps.toast(errorToast(result.error));
      }
    }
  };
}
