/**
 * The core's logging port. The Electron app plugs electron-log in behind it; the CLI may write to stderr;
 * tests use tests/support/memory-logger.ts to assert on what was (and was not) logged.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogMeta = Record<string, unknown>;

export interface Logger {
  debug(msg: string, meta?: LogMeta): void;
  info(msg: string, meta?: LogMeta): void;
  warn(msg: string, meta?: LogMeta): void;
  error(msg: string, meta?: LogMeta): void;
}

/** Discards everything; the default when a caller passes no logger. */
export const nullLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
