import type { OptionName, OptionValues } from '../args';
import type { CliContext } from '../context';
import type { ExitCode } from '../exit-codes';
import type { CliIo } from '../io';

/** What a command reports on success (failures are thrown as AppError). */
export interface CommandResult {
  /** CloudAgent's action name, or the command's own (DIAL, DOCTOR, KEY_STATUS...). */
  action: string;
  status: string;
  message: string;
  ucid: string | null;
  /** The human line for stdout (one; doctor prints one per check). */
  lines: string[];
  /** Extra context for a person, printed on stderr without --json. */
  notes?: string[];
  /** Extra fields for the --json object. */
  extra?: Record<string, unknown>;
  /** Defaults to 0. */
  exitCode?: ExitCode;
}

export interface CommandInput {
  /** Built lazily: help and usage errors never read settings or the keychain. */
  ctx: () => CliContext;
  args: string[];
  values: OptionValues;
  io: CliIo;
}

export interface CommandSpec {
  /** As typed: 'hold', 'key set'. */
  name: string;
  /** The action named in --json output, also on failure. */
  action: string;
  summary: string;
  /** e.g. 'hold <number> --ucid <ucid>' */
  usage: string;
  /** Paragraphs for `--help`. */
  description: string[];
  arguments: Array<[string, string]>;
  /** The command's own options; ACCOUNT_OPTIONS and OUTPUT_OPTIONS are accepted everywhere. */
  options: OptionName[];
  positionals: { min: number; max: number };
  examples: string[];
  run(input: CommandInput): Promise<CommandResult>;
}
