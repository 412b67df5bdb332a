import type { EventName, EventPayloads } from '../../shared/contract';
import type { GlobalCommand, Settings } from '../../shared/settings';
import type { Logger } from '../core/log';
import { planShortcutAction } from '../core/shell/shortcut-action';
import type { TypedInvoke } from '../core/shell/typed-invoke';

/**
 * Runs a global command against the call as main knows it: mute/hold/drop/select act on the selected
 * participant straight away (the CRM keeps focus); "add" and a drop that needs confirming bring the
 * window forward and hand over to the renderer with a `command` event.
 */
export function createShortcutCommandRunner(deps: {
  invoke: TypedInvoke;
  settings: () => Settings;
  showWindow: () => void;
  send: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
  log: Logger;
}): (command: GlobalCommand) => Promise<void> {
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
        deps.send('command', { command: action.command });
        return;
      case 'explain':
        deps.send('toast', { level: 'info', message: action.message });
        return;
      case 'invoke': {
        const result = await deps.invoke(action.name, action.input);
        if (!result.ok) {
          const { kind, message, remedy } = result.error;
          deps.send('toast', { level: 'error', kind, message, remedy });
        }
      }
    }
  };
}
