/**
 * `npm run simulator -- --port N [--host 127.0.0.1] [--format in|intl] [--token-form bearer|raw]
 * [--auth-status 200|401] [--stuck-phone]`: a CloudAgent stand-in on loopback with the demo account and one live call, for
 * trying the CLI and the app without an account, including against the quirks a real account may have.
 */
import { parseArgs } from 'node:util';
import { isAppError } from '../../shared/errors';
import { startDemoSimulator, type DemoSimulator } from './demo';
import type { NumberFormat, SimTokenForm } from './types';

const USAGE = `Usage: npm run simulator -- [--port N] [--host 127.0.0.1] [--format in|intl]
                             [--token-form bearer|raw] [--auth-status 200|401] [--stuck-phone]

Starts a CloudAgent simulator on loopback with a demo account and one live demo call.
  --port N           port to listen on (default 0 = any free port)
  --host H           loopback address to bind: 127.0.0.1 (default), ::1 or localhost
  --format F         conference number format: in (0 + 10 digits, default) or intl (E.164, +country...)
  --token-form F     how the token must be sent: bearer ("Authorization: Bearer <token>", default) or
                     raw (the bare token); a token in the other form is not read at all
  --auth-status S    HTTP status of credential refusals on the new API: 200 (default, as documented)
                     or 401 (as other CloudAgent endpoints answer)
  --stuck-phone      the demo phone starts "stuck" (still mapped to a customer): Phone Manual Dial with
                     checkStatus refuses it until ReleaseFwpNumber (confbar release-phone) frees it
  -h, --help         show this help`;

/** A third party already on the demo call, so the printed example works as it is. */
const EXAMPLE_PARTY: Record<NumberFormat, string> = { in: '09811112222', intl: '+14155550123' };

interface RunOptions {
  port: number;
  host: string;
  format: NumberFormat;
  tokenForm: SimTokenForm;
  authFailureStatus: 200 | 401;
  stuckPhone: boolean;
}

class UsageError extends Error {}

function parseOptions(argv: string[]): RunOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        format: { type: 'string', default: 'in' },
        'token-form': { type: 'string', default: 'bearer' },
        'auth-status': { type: 'string', default: '200' },
        'stuck-phone': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (values.help) return 'help';
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}".`);
  }
  if (values.format !== 'in' && values.format !== 'intl') {
    throw new UsageError(`--format must be "in" or "intl", got "${values.format}".`);
  }
  const tokenForm = values['token-form'];
  if (tokenForm !== 'bearer' && tokenForm !== 'raw') {
    throw new UsageError(`--token-form must be "bearer" or "raw", got "${tokenForm}".`);
  }
  const authStatus = values['auth-status'];
  if (authStatus !== '200' && authStatus !== '401') {
    throw new UsageError(`--auth-status must be 200 or 401, got "${authStatus}".`);
  }
  return {
    port,
    host: values.host,
    format: values.format,
    tokenForm,
    authFailureStatus: authStatus === '401' ? 401 : 200,
    stuckPhone: values['stuck-phone'],
  };
}

function describe(demo: DemoSimulator, party: string, options: RunOptions): string {
  const a = demo.account;
  const format = a.region === 'in' ? 'India, 0 + 10 digits' : 'international, E.164';
  const tokenForm = options.tokenForm === 'raw' ? ' --token-form raw' : '';
  const example =
    `CONFBAR_API_KEY=${demo.apiKey} node out/cli/confbar.js hold ${party} --ucid ${demo.ucid} --base-url ${a.baseUrl} ` +
    `--mode token${tokenForm} --user ${a.userName} --did ${a.did} --agent-phone-name ${a.agentPhoneName} --agent-number ${a.agentNumber}`;
  return [
    `CloudAgent simulator listening on ${a.baseUrl}  (conference numbers: ${format})`,
    `  reads the token as ${options.tokenForm === 'raw' ? 'the bare token' : '"Authorization: Bearer <token>"'}; ` +
      `credential refusals answer HTTP ${options.authFailureStatus}`,
    ...(options.stuckPhone
      ? [`  phone ${a.agentPhoneName} is stuck (still mapped): release it with \`confbar release-phone\``]
      : []),
    '',
    'Demo account',
    `  userName      ${a.userName}`,
    `  api key       ${demo.apiKey}   (a fake key, valid only here)`,
    `  DID           ${a.did}`,
    `  phone name    ${a.agentPhoneName}`,
    `  agent number  ${a.agentNumber}`,
    `  campaign      ${a.campaignName} (offline)`,
    '',
    'Demo call',
    `  ucid          ${demo.ucid}`,
    `  on the call   ${party} (connected)`,
    '',
    'Try (after `npm run build:cli`):',
    `  ${example}`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  let options: RunOptions | 'help';
  try {
    options = parseOptions(argv);
  } catch (e) {
    process.stderr.write(`simulator: ${(e as Error).message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let demo: DemoSimulator;
  try {
    demo = await startDemoSimulator({
      host: options.host,
      port: options.port,
      numberFormat: options.format,
      tokenForm: options.tokenForm,
      authFailureStatus: options.authFailureStatus,
      ...(options.stuckPhone ? { stuckPhones: ['demo-phone'] } : {}),
    });
  } catch (e) {
    // A refused host is a usage error; a busy port or the like is a failure to run.
    const refused = isAppError(e) && e.kind === 'InvalidInput';
    process.stderr.write(`simulator: ${(e as Error).message}${refused ? ` ${e.remedy}` : ''}\n`);
    process.exitCode = refused ? 2 : 1;
    return;
  }
  const party = EXAMPLE_PARTY[options.format];
  demo.simulator
    .getCall(demo.ucid)
    ?.participants.set(party, { number: party, sip: false, state: 'connected', held: false, muted: false });
  process.stdout.write(`${describe(demo, party, options)}\n`);

  const stop = (signal: string) => {
    process.stdout.write(`\n${signal}: stopping the simulator...\n`);
    demo.simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main(process.argv.slice(2));
