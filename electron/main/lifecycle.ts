import { app, dialog } from 'electron';
import type { Logger } from '../core/log';
import type { QuitQuestion } from '../shell/quit-question';

const CLEANUP_TIMEOUT_MS = 3000;

/** Asks before quitting when the shell's rule says so (electron/shell/quit-question.ts). */
export interface QuitGuard {
  /** The question for a quit now, or null to quit without asking (it knows about an OS session end). */
  question(): QuitQuestion | null;
  /** Shows it; true when the agent chose to quit. */
  ask(question: QuitQuestion): Promise<boolean>;
}

/**
 * Runs `cleanup` once when the app is asked to quit (bounded in time, so a hung request cannot keep it
 * alive), then lets the quit proceed. With a guard, a quit the agent asked for during a call with held or
 * muted parties waits for their answer first; Cancel leaves everything as it was. Returns whether a quit
 * is under way (decided, not merely asked), for close handlers.
 */
export function onQuit(cleanup: () => Promise<void>, log: Logger, guard?: QuitGuard): () => boolean {
  let quitting = false;
  let done = false;
  let asking = false;
  app.on('before-quit', (event) => {
    if (done) return;
    event.preventDefault();
    if (quitting || asking) return;
    const question = guard?.question() ?? null;
    if (question) {
      asking = true;
      void guard!
        .ask(question)
        .catch((e: unknown) => {
          log.error('the quit question failed; not quitting', { error: String(e) });
          return false;
        })
        .then((yes) => {
          asking = false;
          if (yes) proceed();
          else log.info('quit cancelled: held or muted parties stay in ConfBar');
        });
      return;
    }
    proceed();
  });
  function proceed(): void {
    quitting = true;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLEANUP_TIMEOUT_MS).unref());
    void Promise.race([cleanup(), timeout])
      .catch((e: unknown) => log.error('shutdown cleanup failed', { error: String(e) }))
      .finally(() => {
        done = true;
        app.quit();
      });
  }
  return () => quitting;
}

/** Startup failed: say so in a dialog (there may be no window yet) and exit non-zero. */
export function fatal(error: unknown, log: Logger): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error('ConfBar could not start', { error: message });
  dialog.showErrorBox('ConfBar could not start', `${message}\n\nThe log file has details.`);
  app.exit(1);
}
