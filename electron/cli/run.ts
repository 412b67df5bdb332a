import { AppError, isAppError } from '../../shared/errors';
import { MissingSettingError, type RequiredSetting } from '../core/cloudagent/required';
import { parseUcid } from '../core/conference/ucid';
import {
  ACCOUNT_OPTIONS,
  NETWORK_OPTIONS,
  OUTPUT_OPTIONS,
  parseCommandLine,
  usageError,
  type OptionName,
  type ParsedArgs,
} from './args';
import { findCommand, isGroup, type CommandResult, type CommandSpec } from './commands';
import { createContext, type CliContext } from './context';
import { EXIT, EXIT_CODE_BY_KIND, type ExitCode } from './exit-codes';
import { commandHelp, groupHelp, mainHelp } from './help';
import type { CliIo } from './io';
import { createPrinter, type Printer } from './output';
import { VERSION } from './version';

const ALWAYS: readonly OptionName[] = [...ACCOUNT_OPTIONS, ...NETWORK_OPTIONS, ...OUTPUT_OPTIONS];

type Plan =
  | { kind: 'text'; text: string }
  | { kind: 'run'; spec: CommandSpec; args: string[] }
  | { kind: 'error'; spec: CommandSpec | null; error: AppError };

/** Decides what to do from the parsed command line alone: no settings, keychain or network yet. */
function plan(parsed: ParsedArgs, env: NodeJS.ProcessEnv): Plan {
  const { command, rest, values } = parsed;
  if (values.version) return { kind: 'text', text: `confbar ${VERSION}` };
  if (command === null) {
    if (values.help) return { kind: 'text', text: mainHelp(VERSION, env) };
    return { kind: 'error', spec: null, error: usageError('No command given.') };
  }
  if (command === 'help') return helpFor(rest, env);
  const found = findCommand([command, ...rest]);
  if (!found && isGroup(command)) {
    if (values.help) return { kind: 'text', text: groupHelp(command, env) };
    const what = rest.length === 0 ? `${command} needs a subcommand.` : `Unknown subcommand for ${command}.`;
    return { kind: 'error', spec: null, error: usageError(what, `Run \`confbar ${command} --help\`.`) };
  }
  if (!found) return { kind: 'error', spec: null, error: usageError(`Unknown command "${clip(command)}".`) };
  const { spec, args } = found;
  if (values.help) return { kind: 'text', text: commandHelp(spec) };
  const problem = checkOptions(spec, parsed.given) ?? checkArgs(spec, args);
  return problem ? { kind: 'error', spec, error: problem } : { kind: 'run', spec, args };
}

function helpFor(words: string[], env: NodeJS.ProcessEnv): Plan {
  if (words.length === 0) return { kind: 'text', text: mainHelp(VERSION, env) };
  const found = findCommand(words);
  if (found && found.args.length === 0) return { kind: 'text', text: commandHelp(found.spec) };
  if (words.length === 1 && isGroup(words[0])) return { kind: 'text', text: groupHelp(words[0], env) };
  return {
    kind: 'error',
    spec: null,
    error: usageError(`No help for "${clip(words.join(' '))}": no such command.`),
  };
}

function checkOptions(spec: CommandSpec, given: readonly OptionName[]): AppError | null {
  const stray = given.filter((o) => !ALWAYS.includes(o) && !spec.options.includes(o));
  if (stray.length === 0) return null;
  const list = stray.map((o) => `--${o}`).join(', ');
  return usageError(
    `${list} ${stray.length === 1 ? 'does' : 'do'} not apply to ${spec.name}.`,
    `Run \`confbar help ${spec.name}\`.`,
  );
}

function checkArgs(spec: CommandSpec, args: readonly string[]): AppError | null {
  const { min, max } = spec.positionals;
  const remedy = `Usage: confbar ${spec.usage}`;
  if (args.length < min)
    return usageError(`${spec.name} needs ${spec.arguments[0]?.[0] ?? 'an argument'}.`, remedy);
  if (args.length > max) {
    const most = max === 0 ? 'no arguments' : `at most ${max} argument${max === 1 ? '' : 's'}`;
    return usageError(`${spec.name} takes ${most}; got ${args.length}.`, remedy);
  }
  return null;
}

const clip = (s: string) => (s.length > 30 ? `${s.slice(0, 27)}...` : s);

/** The ucid a failed call-control command was about, when it can be read; for --json. */
function ucidOf(spec: CommandSpec | null, raw: string | undefined): string | null {
  if (!spec?.options.includes('ucid') || raw === undefined) return null;
  try {
    return parseUcid(raw);
  } catch {
    return null;
  }
}

function asAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new AppError(
    'Internal',
    `Unexpected error: ${detail}`,
    'This is a bug in ConfBar; run again with --verbose and report it.',
  );
}

/**
 * One CLI run: parse, plan, run the command, print, and return the exit code. Never throws and never
 * prints a stack trace; every line printed is scrubbed of the secrets seen.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  // Held in an object: the context is made inside a closure, which control-flow narrowing cannot see.
  const held: { ctx: CliContext | null } = { ctx: null };
  const secrets = () => [io.env.CONFBAR_API_KEY?.trim() ?? '', ...(held.ctx?.secrets.seen() ?? [])];
  let parsed: ParsedArgs;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    const printer = createPrinter(io, { json: argv.includes('--json'), verbose: false, secrets });
    return fail(printer, null, null, asAppError(e));
  }
  const printer: Printer = createPrinter(io, {
    json: parsed.values.json ?? false,
    verbose: parsed.values.verbose ?? false,
    secrets,
  });

  const p = plan(parsed, io.env);
  if (p.kind === 'text') {
    printer.text(p.text);
    return EXIT.ok;
  }
  if (p.kind === 'error') return fail(printer, p.spec, null, p.error);

  const { spec, args } = p;
  const makeCtx = () =>
    (held.ctx ??= createContext({
      values: parsed.values,
      env: io.env,
      note: printer.note,
      openVault: io.openVault,
      lookup: io.lookup,
    }));
  try {
    const result: CommandResult = await spec.run({ ctx: makeCtx, args, values: parsed.values, io });
    const cache = held.ctx?.secrets.tokenCache();
    if (cache && cache !== 'unused')
      printer.note(`token cache: ${cache === 'keychain' ? 'the OS keychain' : 'memory (this run only)'}`);
    printer.success(result);
    return result.exitCode ?? EXIT.ok;
  } catch (e) {
    return fail(printer, spec, ucidOf(spec, parsed.values.ucid), asAppError(e));
  } finally {
    await held.ctx?.dispose().catch(() => undefined);
  }
}

/** The option that fills each mandatory setting. */
const OPTION_FOR: Record<RequiredSetting, string> = {
  userName: '--user <name>',
  did: '--did <did>',
  agentPhoneName: '--agent-phone-name <name>',
  agentNumber: '--agent-number <number>',
  ucid: '--ucid <ucid>',
};

/** A mandatory field the core found empty, worded for the command line: which option fills it. */
function forCommandLine(error: AppError): AppError {
  if (!(error instanceof MissingSettingError)) return error;
  const option = OPTION_FOR[error.setting];
  // The core's message already says nothing was sent; the remedy only says what to do.
  const remedy =
    error.setting === 'ucid' ? `Pass ${option}.` : `Pass ${option} (or save it in Settings → Account).`;
  return new AppError('InvalidInput', `${option.split(' ')[0]} is missing: ${error.message}`, remedy);
}

function fail(printer: Printer, spec: CommandSpec | null, ucid: string | null, raw: AppError): ExitCode {
  const error = forCommandLine(raw);
  printer.failure({ command: spec?.name ?? null, action: spec?.action ?? null, ucid, error });
  return EXIT_CODE_BY_KIND[error.kind];
}
