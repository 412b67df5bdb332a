import { ACCOUNT_OPTIONS, NETWORK_OPTIONS, OPTIONS, OUTPUT_OPTIONS, type OptionName } from './args';
import { COMMANDS, type CommandSpec } from './commands';
import { appSettingsDir } from './settings-location';

function optionLabel(name: OptionName): string {
  const spec = OPTIONS[name];
  const short = 'short' in spec ? `-${spec.short}, ` : '';
  const value = 'value' in spec ? ` ${spec.value}` : '';
  return `${short}--${name}${value}`;
}

function table(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

const optionRows = (names: readonly OptionName[]) =>
  table(names.map((n) => [optionLabel(n), OPTIONS[n].help] as [string, string]));

function footer(env: NodeJS.ProcessEnv): string[] {
  return [
    'The api_key comes from CONFBAR_API_KEY when set, else the OS keychain (see `confbar key --help`).',
    `Saved settings are read from ${appSettingsDir(env)}/config.json (CONFBAR_SETTINGS_DIR overrides);`,
    'options override them.',
    'Exit codes: 0 success; 1 CloudAgent refused; 2 invalid input, nothing sent; 3 network, timeout or',
    'unreadable answer.',
  ];
}

export function mainHelp(version: string, env: NodeJS.ProcessEnv): string {
  return [
    `confbar ${version}: CloudAgent conference call control from the command line (ConfBar).`,
    '',
    'Usage: confbar <command> [args] [options]',
    '       confbar help <command>',
    '',
    'Commands:',
    ...table(COMMANDS.map((c) => [c.usage, c.summary] as [string, string])),
    '',
    'Account options (all commands; they override the saved settings):',
    ...optionRows(ACCOUNT_OPTIONS),
    '',
    'Network options (all commands; also HTTPS_PROXY, HTTP_PROXY, NO_PROXY, CONFBAR_CA_FILE):',
    ...optionRows(NETWORK_OPTIONS),
    '',
    'Other options:',
    ...optionRows(['ucid', 'sip', 'stdin', ...OUTPUT_OPTIONS, 'version']),
    '',
    ...footer(env),
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  const own = spec.options.length > 0 ? ['', 'Options:', ...optionRows(spec.options)] : [];
  const args = spec.arguments.length > 0 ? ['', 'Arguments:', ...table(spec.arguments)] : [];
  return [
    `Usage: confbar ${spec.usage} [options]`,
    '',
    spec.summary,
    ...spec.description,
    ...args,
    ...own,
    '',
    'Account options (override the saved settings):',
    ...optionRows(ACCOUNT_OPTIONS),
    '',
    'Network options (also HTTPS_PROXY, HTTP_PROXY, NO_PROXY, CONFBAR_CA_FILE):',
    ...optionRows(NETWORK_OPTIONS),
    '',
    'Output:',
    ...optionRows(OUTPUT_OPTIONS),
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
  ].join('\n');
}

/** `confbar key --help`: the subcommands of a group. */
export function groupHelp(group: string, env: NodeJS.ProcessEnv): string {
  const members = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  return [
    `Usage: confbar ${group} <${members.map((c) => c.name.slice(group.length + 1)).join('|')}> [options]`,
    '',
    ...table(members.map((c) => [c.usage, c.summary] as [string, string])),
    '',
    `Run \`confbar help ${group} <subcommand>\` for details.`,
    '',
    ...footer(env),
  ].join('\n');
}
