import { writeFile } from 'node:fs/promises';
import { AppError } from '../../../../shared/errors';
import type { DoctorCheck } from '../../../../shared/session';
import { resolveBaseUrl } from '../../cloudagent/hosts';
import type { TraceExchange } from '../../cloudagent/trace';
import { PROBE_NUMBERS, runDoctor } from '../../doctor';
import { formatDiagnosticReport } from '../../doctor-report';
import type { HandlerTable } from '../../ipc/dispatch';
import type { Logger } from '../../log';
import { PRIVATE_FILE_MODE, restrictFile } from '../../private-files';
import type { Vault } from '../../vault/types';
import type { AccountContext } from '../account-context';
import { configFromAccount } from '../account-config';
import type { DemoRunner } from '../demo';
import type { Transport } from '../../cloudagent/transport';
import type { ShellPort } from '../shell-port';
import { extraCaStatus } from '../extra-ca';

type DoctorHandlers = Pick<HandlerTable, 'runDoctor' | 'saveDiagnosticReport'>;

/** Test connection, and the diagnostic report it can save for support (every exchange, redacted). */
export function doctorHandlers(deps: {
  account: AccountContext;
  vault: Vault;
  demo: DemoRunner;
  shell?: ShellPort;
  version?: string;
  now: () => number;
  log: Logger;
  transport: Transport;
}): DoctorHandlers {
  const { account, vault, demo, now, log, transport } = deps;

  async function doctor(): Promise<{ checks: DoctorCheck[]; exchanges: TraceExchange[] }> {
    const a = account.active();
    let key: { stored: boolean | null; where: string; problem?: string };
    if (account.demoOn()) key = { stored: true, where: 'demo mode (built-in simulator)' };
    else {
      try {
        key = { stored: await vault.hasApiKey(account.vaultAccount()), where: vault.description };
      } catch (e) {
        key = { stored: null, where: vault.description, problem: e instanceof Error ? e.message : String(e) };
      }
    }
    const exchanges: TraceExchange[] = [];
    const demoSecrets = demo.running ? account.secrets() : null;
    const checks = await runDoctor({
      config: configFromAccount(a),
      missing: account.demoOn() ? [] : account.gaps(),
      key,
      secrets: () => demoSecrets ?? account.secrets(),
      probeNumber: a.agentNumber || PROBE_NUMBERS[a.region],
      region: a.region,
      trace: (x) => exchanges.push(x),
      now,
      log,
      transport,
    });
    const ca = await extraCaStatus(account.view().settings.network.extraCaFile);
    if (ca) checks.push({ name: 'Extra CA file', ok: ca.ok, detail: ca.detail });
    return { checks, exchanges };
  }

  return {
    runDoctor: async () => (await doctor()).checks,
    saveDiagnosticReport: async () => {
      const choose = deps.shell?.chooseSavePath;
      if (!choose) {
        throw new AppError(
          'Internal',
          'Saving a file needs the desktop app.',
          'Use `confbar doctor --trace FILE`.',
        );
      }
      const run = await doctor();
      const a = account.active();
      const config = configFromAccount(a);
      let baseUrl: string | null = null;
      try {
        baseUrl = resolveBaseUrl(config.endpoint);
      } catch {
        baseUrl = null;
      }
      const report = formatDiagnosticReport({
        version: deps.version ?? 'unknown',
        source: 'ConfBar app',
        config,
        region: a.region,
        baseUrl,
        checks: run.checks,
        exchanges: run.exchanges,
        at: now(),
      });
      const stamp = new Date(now()).toISOString().slice(0, 16).replace(/[:T]/g, '-');
      const path = await choose(`confbar-diagnostic-${stamp}.txt`);
      if (path === null) return { checks: run.checks, path: null, exchanges: run.exchanges.length };
      try {
        await writeFile(path, report, { mode: PRIVATE_FILE_MODE });
        // An existing file keeps its mode when overwritten: the report is for support only.
        restrictFile(path);
      } catch (e) {
        throw new AppError(
          'InvalidInput',
          `The report could not be saved (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
          'Choose a folder you can write to.',
        );
      }
      return { checks: run.checks, path, exchanges: run.exchanges.length };
    },
  };
}
