import { AppError, isAppError } from '../../../shared/errors';
import type { DoctorCheck } from '../../../shared/session';
import { missingAccountFields } from '../../core/app/account-config';
import type { TraceExchange } from '../../core/cloudagent/trace';
import { resolveBaseUrl } from '../../core/cloudagent/hosts';
import { PROBE_NUMBERS, runDoctor, type DoctorInput } from '../../core/doctor';
import { formatDiagnosticReport } from '../../core/doctor-report';
import { VERSION } from '../version';
import type { CliContext } from '../context';
import { EXIT } from '../exit-codes';
import type { CommandSpec } from './types';
import { writePrivateFile } from '../../core/private-files';

async function keyState(ctx: CliContext): Promise<DoctorInput['key']> {
  if (ctx.envKey) return { stored: true, where: 'the CONFBAR_API_KEY environment variable' };
  let where = 'the OS keychain';
  try {
    const vault = ctx.vault();
    where = vault.description;
    const account = ctx.vaultAccount();
    where = `${vault.description} (${account})`;
    return { stored: await vault.hasApiKey(account), where };
  } catch (e) {
    const problem = isAppError(e) ? `${e.message} ${e.remedy}` : `Could not read ${where}.`;
    return { stored: null, where, problem };
  }
}

function line(check: DoctorCheck): string {
  return `${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}`;
}

export const doctor: CommandSpec = {
  name: 'doctor',
  action: 'DOCTOR',
  summary: 'Check settings, API key, host and authentication; one line per check.',
  usage: 'doctor',
  description: [
    'Checks, in order: the settings are complete; an API key is available (CONFBAR_API_KEY or the keychain);',
    'the host answers (TCP, and TLS for https); CloudAgent accepts the credentials in the chosen mode. The',
    'probes send UNHOLD for a ucid no call has, so no real call changes; they also tell which API mode the',
    'account accepts, which token form it reads and which number format it takes, each failure naming the',
    'setting to change. At most one token is generated. Exit 0 when every check passes, else 1.',
    '--trace FILE writes a diagnostic report for support: every exchange (method, path, redacted query,',
    'headers and body, HTTP status, Content-Type, the first 2 KB of the answer, timing, how ConfBar read it).',
    'It contains no api_key or token.',
  ],
  arguments: [],
  options: ['trace'],
  positionals: { min: 0, max: 0 },
  examples: [
    'confbar doctor',
    'confbar doctor --mode basic --json',
    'confbar doctor --trace confbar-report.txt',
  ],
  async run({ ctx: makeCtx, values }) {
    const ctx = makeCtx();
    const traceFile = values.trace?.trim();
    if (values.trace !== undefined && !traceFile) {
      throw new AppError(
        'InvalidInput',
        '--trace needs a file name.',
        'Pass --trace <file>; nothing was sent.',
      );
    }
    const exchanges: TraceExchange[] = [];
    const checks = await runDoctor({
      config: ctx.config,
      missing: missingAccountFields(ctx.account),
      key: await keyState(ctx),
      secrets: () => ctx.secrets.source,
      probeNumber: PROBE_NUMBERS[ctx.region],
      region: ctx.region,
      connectTimeoutMs: ctx.account.timeoutMs,
      trace: (x) => exchanges.push(x),
      transport: ctx.transport,
    });
    const notes: string[] = [];
    if (traceFile) {
      let baseUrl: string | null = null;
      try {
        baseUrl = resolveBaseUrl(ctx.config.endpoint);
      } catch {
        baseUrl = null;
      }
      const report = formatDiagnosticReport({
        version: VERSION,
        source: 'confbar CLI',
        config: ctx.config,
        region: ctx.region,
        baseUrl,
        checks,
        exchanges,
        at: Date.now(),
      });
      try {
        writePrivateFile(traceFile, report);
      } catch (e) {
        throw new AppError(
          'InvalidInput',
          `The diagnostic report could not be written to ${traceFile} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
          'Pass --trace with a file in a folder you can write to.',
        );
      }
      notes.push(`Diagnostic report (${exchanges.length} exchanges) written to ${traceFile}.`);
    }
    const passed = checks.filter((c) => c.ok).length;
    const ok = passed === checks.length;
    return {
      action: 'DOCTOR',
      status: ok ? 'ok' : 'failed',
      message: `${passed} of ${checks.length} checks passed.`,
      ucid: null,
      lines: checks.map(line),
      notes,
      extra: traceFile ? { checks, trace: traceFile, exchanges: exchanges.length } : { checks },
      exitCode: ok ? EXIT.ok : EXIT.refused,
    };
  },
};
