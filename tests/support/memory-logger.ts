import type { LogLevel, LogMeta, Logger } from '../../electron/core/log';

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

function safeJson(meta: LogMeta): string {
  try {
    return JSON.stringify(meta);
  } catch {
    return '[unserialisable meta]';
  }
}

/** A logger that keeps every entry, so a test can assert on what was (and was not) logged. */
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
