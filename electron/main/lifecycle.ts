import { app, dialog } from 'electron';
import type { Logger } from '../core/log';

const CLEANUP_TIMEOUT_MS = 3000;

/**
 * Runs `cleanup` once when the app is asked to quit (bounded in time, so a hung request cannot keep it
 * alive), then lets the quit proceed. Returns whether a quit is under way, for close handlers.
 */
export function onQuit(cleanup: () => Promise<void>, log: Logger): () => boolean {
  let quitting = false;
  let done = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (done) return;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLEANUP_TIMEOUT_MS).unref());
    void Promise.race([cleanup(), timeout])
      .catch((e: unknown) => log.error('shutdown cleanup failed', { error: String(e) }))
      .finally(() => {
        done = true;
        app.quit();
      });
  });
  return () => quitting;
}

/** Startup failed: say so in a dialog (there may be no window yet) and exit non-zero. */
export function fatal(error: unknown, log: Logger): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error('ConfBar could not start', { error: message });
  dialog.showErrorBox('ConfBar could not start', `${message}\n\nThe log file has details.`);
  app.exit(1);
}
