/**
 * The core's logging port. The Electron app plugs electron-log in behind it; the CLI may write to stderr;
 * tests use the memory logger to assert on what was (and was not) logged.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogMeta = Record<string, unknown>;

export interface Logger {
  debug(msg: string, meta?: LogMeta): void;
  info(msg: string, meta?: LogMeta): void;
  warn(msg: string, meta?: LogMeta): void;
  error(msg: string, meta?: LogMeta): void;
}

export interface LogEntry {
  level: LogLevel;
  msg: string;
  meta?: LogMeta;
}

export interface MemoryLogger extends Logger {
  readonly entries: readonly LogEntry[];
  /** Each entry as one line of text (message plus JSON meta), e.g. to search for a leaked secret. */
  lines(): string[];
  clear(): void;
}

/** Discards everything; the default when a caller passes no logger. */
export const nullLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

/** Keeps every entry in memory. For tests. */
export function createMemoryLogger(): MemoryLogger {
  const entries: LogEntry[] = [];
  const at =
    (level: LogLevel) =>
    (msg: string, meta?: LogMeta): void => {
      entries.push(meta === undefined ? { level, msg } : { level, msg, meta });
    };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    lines: () => entries.map((e) => `${e.level} ${e.msg}${e.meta ? ` ${safeJson(e.meta)}` : ''}`),
    clear: () => {
      entries.length = 0;
    },
  };
}

function safeJson(meta: LogMeta): string {
  try {
    return JSON.stringify(meta);
  } catch {
    return '[unserialisable meta]';
  }
}
