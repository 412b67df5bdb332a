import { dialog, type BrowserWindow } from 'electron';
import type { Logger } from '../core/log';
import { crashLoopMessage, HANG_RELOAD_MS, isPageDeath, onPageDeath } from '../shell/crash-loop';

/**
 * Brings the page back when its process dies or hangs: main owns the session, so a reloaded page
 * rehydrates from the next snapshot and the call is intact. Three deaths within a minute stop the
 * reloading with a native dialog saying where the log is (electron/shell/crash-loop.ts). Global
 * shortcuts live in main and keep working throughout.
 */
export function recoverPage(
  window: BrowserWindow,
  deps: { log: Logger; logFile: () => string | null; now?: () => number },
): void {
  const now = deps.now ?? Date.now;
  const contents = window.webContents;
  let recent: number[] = [];
  let gaveUp = false;
  let hang: NodeJS.Timeout | null = null;
  // The death main caused itself to end a hang: counted once, by the hang.
  let killing = false;

  const died = (why: string) => {
    if (gaveUp || window.isDestroyed()) return;
    const decision = onPageDeath(recent, now());
    recent = decision.recent;
    if (decision.action === 'reload') {
      deps.log.warn('the page failed; reloading it', { why, inLastMinute: recent.length });
      contents.reload();
      return;
    }
    gaveUp = true;
    deps.log.error('the page failed again; not reloading', { why, inLastMinute: recent.length });
    const m = crashLoopMessage(deps.logFile());
    void dialog.showMessageBox({
      type: 'error',
      title: m.title,
      message: m.message,
      detail: m.detail,
      buttons: ['OK'],
    });
  };

  contents.on('render-process-gone', (_event, details) => {
    if (killing) killing = false;
    else if (isPageDeath(details.reason)) died(details.reason);
  });
  window.on('unresponsive', () => {
    hang ??= setTimeout(() => {
      hang = null;
      if (window.isDestroyed()) return;
      // A hung renderer does not obey reload(): end its process first, then reload through the rule.
      killing = true;
      contents.forcefullyCrashRenderer();
      died('unresponsive');
    }, HANG_RELOAD_MS);
  });
  window.on('responsive', () => {
    if (hang) clearTimeout(hang);
    hang = null;
  });
  window.on('closed', () => {
    if (hang) clearTimeout(hang);
  });
}
