import electronUpdater from 'electron-updater';
import type { Logger } from '../core/log';

const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

/**
 * Background updates from the `publish` feed in electron-builder.yml. Downloads quietly and installs when
 * the agent next quits: never a dialog, never a restart in the middle of a call. Errors are logged only.
 * The caller decides whether to start it at all (shouldCheckForUpdates: packaged builds only).
 */
export function startUpdater(log: Logger): () => void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = null;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (e: Error) => log.warn('update check failed', { error: e.message }));
  autoUpdater.on('update-available', (info: { version: string }) =>
    log.info('update available; downloading', { version: info.version }),
  );
  autoUpdater.on('update-downloaded', (info: { version: string }) =>
    log.info('update downloaded; it installs when ConfBar quits', { version: info.version }),
  );
  const check = () => {
    autoUpdater
      .checkForUpdates()
      .catch((e: unknown) => log.warn('update check failed', { error: String(e) }));
  };
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
