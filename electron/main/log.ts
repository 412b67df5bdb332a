import path from 'node:path';
import { ipcMain } from 'electron';
import log from 'electron-log/main';
import type { Logger, LogMeta } from '../core/log';
import { ensurePrivateDir, PRIVATE_FILE_MODE, restrictFile } from '../core/private-files';
import { redactValue } from '../core/redact';

// Importing electron-log/main registers this channel (ipcMain.on and ipcMain.handle) for renderer-side
// logging, even without initialize(). ConfBar does not use it, and a compromised renderer could write log
// lines through it: only the contract's channels are listened to.
const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__';

/**
 * The core `Logger` over electron-log (a file in the user's log folder plus the console). Every message
 * passes a redacting hook first, so an api_key or token that slipped into a log call is masked in every
 * transport. Renderer-to-main logging is removed (see ELECTRON_LOG_CHANNEL). The log folder is 0700 and
 * its files 0600.
 */
export function createElectronLogger(opts: { packaged: boolean }): Logger {
  ipcMain.removeAllListeners(ELECTRON_LOG_CHANNEL);
  ipcMain.removeHandler(ELECTRON_LOG_CHANNEL);

  const file = log.transports.file;
  file.level = 'info';
  file.writeOptions = { ...file.writeOptions, mode: PRIVATE_FILE_MODE };
  const secured = new Set<string>();
  file.resolvePathFn = (vars) => {
    const target = path.join(vars.libraryDefaultDir, vars.fileName ?? 'main.log');
    if (!secured.has(target)) {
      ensurePrivateDir(path.dirname(target));
      restrictFile(target);
      secured.add(target);
    }
    return target;
  };
  log.transports.console.level = opts.packaged ? 'warn' : 'debug';
  log.hooks.push((message) => ({ ...message, data: message.data.map((d: unknown) => redactValue(d)) }));
  log.errorHandler.startCatching({ showDialog: false });

  const at =
    (write: (...data: unknown[]) => void) =>
    (msg: string, meta?: LogMeta): void =>
      meta === undefined ? write(msg) : write(msg, meta);
  return {
    debug: at(log.debug),
    info: at(log.info),
    warn: at(log.warn),
    error: at(log.error),
  };
}

/** Where the log file is, for messages that send the agent to it; null when electron-log cannot say. */
export function logFilePath(): string | null {
  try {
    return log.transports.file.getFile().path;
  } catch {
    return null;
  }
}
