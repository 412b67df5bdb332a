import type { AppErrorShape } from '../../shared/errors';
import { redact } from '../core/redact';
import type { CommandResult } from './commands';
import type { CliIo } from './io';

export interface PrinterOptions {
  json: boolean;
  verbose: boolean;
  /** Every secret seen so far; each printed line is scrubbed of them. */
  secrets: () => string[];
}

export interface Printer {
  /** A --verbose line (stderr). */
  note(message: string): void;
  success(result: CommandResult): void;
  failure(failure: {
    command: string | null;
    action: string | null;
    ucid: string | null;
    error: AppErrorShape;
  }): void;
  /** Help or version text, as is, on stdout. */
  text(text: string): void;
}

/**
 * The one way out for anything the CLI prints: human lines (errors on stderr, with the remedy) or, with
 * --json, one JSON object as the last line of stdout. The client already scrubs its errors; this last
 * pass scrubs every line again, so a secret cannot reach the terminal from any other path.
 */
export function createPrinter(io: CliIo, opts: PrinterOptions): Printer {
  const clean = (text: string) => redact(text, opts.secrets());
  const out = (text: string) => io.stdout(clean(text));
  const err = (text: string) => io.stderr(clean(text));

  return {
    note(message) {
      if (opts.verbose) err(`confbar: ${message}`);
    },

    success(r) {
      if (opts.json) {
        const ok = (r.exitCode ?? 0) === 0;
        out(
          JSON.stringify({
            ok,
            action: r.action,
            status: r.status,
            message: r.message,
            ucid: r.ucid,
            ...r.extra,
          }),
        );
        return;
      }
      r.lines.forEach(out);
      r.notes?.forEach(err);
    },

    failure({ command, action, ucid, error }) {
      if (opts.json) {
        out(
          JSON.stringify({
            ok: false,
            action,
            status: null,
            message: error.message,
            ucid,
            error: { kind: error.kind, message: error.message, remedy: error.remedy },
          }),
        );
        return;
      }
      err(`confbar${command ? ` ${command}` : ''}: ${error.message}`);
      if (error.remedy) err(`  ${error.remedy}`);
    },

    text(text) {
      out(text);
    },
  };
}
