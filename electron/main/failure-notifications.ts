import { Notification, type BrowserWindow } from 'electron';
import type { ToastEvent } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import { failureNotice } from '../shell/failure-notice';

/**
 * Shows a desktop notification for a failed action while the toolbar is hidden or minimised (its own toast
 * would go unseen), unless behaviour.notifyFailures is off. Call it with every toast the window is sent.
 */
export function createFailureNotifier(deps: {
  window: () => BrowserWindow | null;
  settings: () => Settings;
}): (toast: ToastEvent) => void {
  return (toast) => {
    const win = deps.window();
    const notice = failureNotice(toast, {
      enabled: deps.settings().behaviour.notifyFailures,
      windowShown: Boolean(win && !win.isDestroyed() && win.isVisible() && !win.isMinimized()),
    });
    if (notice && Notification.isSupported()) new Notification({ ...notice, silent: false }).show();
  };
}
