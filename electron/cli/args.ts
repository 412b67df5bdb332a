import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder in help, for string options. */
  value?: string;
  help: string;
}

/** Every option the CLI knows. Which ones a command takes: SHARED_OPTIONS plus its own (see commands/). */
export const OPTIONS = {
  ucid: {
    type: 'string',
    value: '<ucid>',
    help: "the live call's ucid (digits, or a link/snippet with ucid=...)",
  },
  sip: { type: 'boolean', help: 'the number is a SIP address or extension: sent as typed' },
  stdin: { type: 'boolean', help: 'read the API key from standard input (never from the command line)' },
  'base-url': {
    type: 'string',
    value: '<url>',
    help: 'CloudAgent API base URL (partner host, the simulator)',
  },
  region: {
    type: 'string',
    value: 'in|intl',
    help: "number format; without --base-url also the region's host",
  },
  mode: { type: 'string', value: 'legacy|basic|token', help: 'how to authenticate (the account decides)' },
  'token-form': {
    type: 'string',
    value: 'bearer|raw',
    help: 'token mode: send "Authorization: Bearer <token>" or the bare token',
  },
  user: {
    type: 'string',
    value: '<name>',
    help: 'CloudAgent user name (basic, token, dial, keychain entry)',
  },
  did: { type: 'string', value: '<did>', help: 'the DID of the campaign' },
  'agent-phone-name': { type: 'string', value: '<name>', help: "the agent's phone name in CloudAgent" },
  'agent-number': {
    type: 'string',
    value: '<number>',
    help: "the agent's own number (kick without a number)",
  },
  output: { type: 'string', value: 'json|xml', help: 'answer format the legacy endpoint is asked for' },
  campaign: { type: 'string', value: '<name>', help: 'offline campaign for dial' },
  'check-status': {
    type: 'boolean',
    help: 'dial: do not start the call while the agent is busy (the default; overrides the saved setting)',
  },
  'no-check-status': { type: 'boolean', help: 'dial: start the call even if the agent is busy' },
  'call-limit': {
    type: 'string',
    value: '<seconds>',
    help: 'dial: maximum talk time, 1-14400 seconds (default: the saved setting, none)',
  },
  uui: {
    type: 'string',
    value: '<text>',
    help: "dial: a reference for CloudAgent's reports (up to 64 letters, digits, spaces, - _ . : / # @)",
  },
  'timeout-ms': { type: 'string', value: '<ms>', help: 'per-request timeout in milliseconds (1-120000)' },
  trace: {
    type: 'string',
    value: '<file>',
    help: 'doctor: write a diagnostic report (every exchange, redacted) to <file>',
  },
  proxy: {
    type: 'string',
    value: '<url>',
    help: 'reach CloudAgent through this HTTP proxy (http://[user:password@]host:port); default HTTPS_PROXY',
  },
  'no-proxy': { type: 'boolean', help: 'connect directly, whatever HTTPS_PROXY/HTTP_PROXY say' },
  'ca-file': {
    type: 'string',
    value: '<file>',
    help: "also trust the CA certificate(s) in this PEM file (a TLS-inspecting network's); default CONFBAR_CA_FILE",
  },
  json: { type: 'boolean', help: 'print one JSON object as the last line of stdout' },
  verbose: { type: 'boolean', help: 'explain on stderr where settings, key and token come from' },
  help: { type: 'boolean', short: 'h', help: 'show help' },
  version: { type: 'boolean', short: 'V', help: 'print the version' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Accepted by every command: the saved settings they override, and output control. */
export const ACCOUNT_OPTIONS = [
  'base-url',
  'region',
  'mode',
  'token-form',
  'user',
  'did',
  'agent-phone-name',
  'agent-number',
  'output',
  'campaign',
  'timeout-ms',
] as const satisfies readonly OptionName[];
export const OUTPUT_OPTIONS = ['json', 'verbose', 'help'] as const satisfies readonly OptionName[];
/** How every command reaches CloudAgent (see electron/cli/network.ts). */
export const NETWORK_OPTIONS = ['proxy', 'no-proxy', 'ca-file'] as const satisfies readonly OptionName[];

export type OptionValues = {
  [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean;
};

export interface ParsedArgs {
  /** The first positional (the command), null when none was given. */
  command: string | null;
  /** The positionals after the command. */
  rest: string[];
  values: OptionValues;
  /** Option names as given, in order, for the per-command check. */
  given: OptionName[];
}

/** A mistake on the command line: exit 2, nothing sent. */
export function usageError(
  message: string,
  remedy = 'Run `confbar --help` for commands and options.',
): AppError {
  return new AppError('InvalidInput', message, remedy);
}

/**
 * Parses argv with node:util parseArgs. Errors name the option only, never a value (a misplaced
 * `--api-key=...` must not be echoed).
 */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(OPTIONS).map(([name, spec]) => [
      name,
      'short' in spec ? { type: spec.type, short: spec.short } : { type: spec.type },
    ]),
  ) as Record<OptionName, { type: 'string' | 'boolean'; short?: string }>;
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw usageError(describeParseError(e));
  }
  const given: OptionName[] = [];
  for (const token of parsed.tokens) {
    if (token.kind === 'option' && !given.includes(token.name as OptionName))
      given.push(token.name as OptionName);
  }
  const [command = null, ...rest] = parsed.positionals;
  return { command, rest, values: parsed.values as OptionValues, given };
}

function describeParseError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-{1,2}[^' =<]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `Unknown option ${option}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing/.test(message)
      ? `Option ${option} needs a value.`
      : `Option ${option} does not take a value.`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'Unexpected argument.';
  return 'The command line could not be read.';
}
