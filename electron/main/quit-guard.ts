import { dialog, powerMonitor, type BrowserWindow } from 'electron';
import type { SessionView } from '../../shared/session';
import type { Logger } from '../core/log';
import { quitQuestion, type QuitQuestion } from '../shell/quit-question';
import type { QuitGuard } from './lifecycle';

/**
 * The quit question in Electron terms: the latest session from the snapshots, a native message box on
 * Cancel, and the OS's own session end (shutdown, restart, log-off) noticed so that quit never waits on a
 * dialog: powerMonitor 'shutdown' (macOS, Linux) and the window's 'session-end' (Windows).
 */
export function createQuitGuard(deps: {
  session: () => SessionView | null;
  window: () => BrowserWindow | null;
  log: Logger;
}): QuitGuard & { watch(window: BrowserWindow): void } {
  let osEnding = false;
  const ending = (why: string) => () => {
    osEnding = true;
    deps.log.info('the OS is ending the session; quitting without asking', { why });
  };
  powerMonitor.on('shutdown', ending('shutdown'));
  return {
    watch(window) {
      window.on('session-end', ending('session-end'));
    },
    question: () => quitQuestion(deps.session(), osEnding ? 'os-session-end' : 'agent'),
    async ask(q: QuitQuestion) {
      const win = deps.window();
      const options = {
        type: q.type,
        title: q.title,
        message: q.message,
        detail: q.detail,
        buttons: q.buttons,
        defaultId: q.defaultId,
        cancelId: q.cancelId,
        noLink: true,
      };
      // A sheet on a hidden toolbar (closed to the tray) would not be seen: then the box stands alone.
      const parent = win && !win.isDestroyed() && win.isVisible() ? win : null;
      const { response } = parent
        ? await dialog.showMessageBox(parent, options)
        : await dialog.showMessageBox(options);
      return response === q.quitId;
    },
  };
}
