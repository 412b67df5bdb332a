import log from 'electron-log/main';
import type { Logger, LogMeta } from '../core/log';
import { redactValue } from '../core/redact';

/**
 * The core `Logger` over electron-log (a file in the user's log folder plus the console). Every message
 * passes a redacting hook first, so an api_key or token that slipped into a log call is masked in every
 * transport. Renderer-to-main logging (`log.initialize()`) is deliberately not enabled: it would add an
 * IPC channel outside the contract.
 */
export function createElectronLogger(opts: { packaged: boolean }): Logger {
  log.transports.file.level = 'info';
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
