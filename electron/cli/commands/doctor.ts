import { isAppError } from '../../../shared/errors';
import type { DoctorCheck } from '../../../shared/session';
import { missingAccountFields } from '../../core/app/account-config';
import { PROBE_NUMBERS, runDoctor, type DoctorInput } from '../../core/doctor';
import type { CliContext } from '../context';
import { EXIT } from '../exit-codes';
import type { CommandSpec } from './types';

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
    'last check sends UNHOLD for a ucid no call has, so no real call changes. Exit 0 when every check passes,',
    'else 1.',
  ],
  arguments: [],
  options: [],
  positionals: { min: 0, max: 0 },
  examples: ['confbar doctor', 'confbar doctor --mode basic --json'],
  async run({ ctx: makeCtx }) {
    const ctx = makeCtx();
    const checks = await runDoctor({
      config: ctx.config,
      missing: missingAccountFields(ctx.account),
      key: await keyState(ctx),
      client: () => ctx.client(),
      probeNumber: PROBE_NUMBERS[ctx.region],
      connectTimeoutMs: ctx.account.timeoutMs,
    });
    const passed = checks.filter((c) => c.ok).length;
    const ok = passed === checks.length;
    return {
      action: 'DOCTOR',
      status: ok ? 'ok' : 'failed',
      message: `${passed} of ${checks.length} checks passed.`,
      ucid: null,
      lines: checks.map(line),
      extra: { checks },
      exitCode: ok ? EXIT.ok : EXIT.refused,
    };
  },
};
