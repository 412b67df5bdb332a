import { AppError } from '../../shared/errors';
import type { DoctorCheck } from '../../shared/session';
import { createCloudAgentClient } from './cloudagent/client';
import { MODE_REMEDY } from './cloudagent/errors';
import { resolveBaseUrl } from './cloudagent/hosts';
import type { TraceSink } from './cloudagent/trace';
import type { Transport } from './cloudagent/transport';
import type { CloudAgentClient, CloudAgentConfig, SecretSource, TokenForm } from './cloudagent/types';
import { nullLogger, type Logger } from './log';
import { networkChecks } from './net/doctor-lines';

export interface DoctorInput {
  config: CloudAgentConfig;
  /** Account fields still empty (see missingAccountFields). */
  missing: string[];
  /** Where the key lives, and whether one is there (null when the keychain could not be read). */
  key: { stored: boolean | null; where: string; problem?: string };
  /** The account's secrets (key and shared token cache): every probe client reads them. */
  secrets: () => SecretSource;
  /** A number valid for the region, used in the harmless auth probe. */
  probeNumber: string;
  /** The number format the settings expect (Settings → Account → Instance). */
  region: 'in' | 'intl';
  connectTimeoutMs?: number;
  /** Sees every exchange the checks make, redacted (the diagnostic report). */
  trace?: TraceSink;
  now?: () => number;
  log?: Logger;
  /** The route and trust every probe uses: the same transport as the actions. */
  transport: Transport;
}

/** Numbers valid in each region's format, for the auth probe when no agent number is configured. */
export const PROBE_NUMBERS = { in: '09999999999', intl: '+14155550123' } as const;

// A ucid no live call has: CloudAgent answers "Call not Found" only after accepting the credentials.
const PROBE_UCID = '100000000000000001';

type Probe = { ok: true; detail: string } | { ok: false; error: AppError };

/**
 * "Does my account work, and how?", one line per check, each failure naming the setting to change:
 * settings, key, host reachable (TLS), credentials, which API mode the account accepts, which token form
 * it reads (token mode), which number format it accepts. Every probe sends UNHOLD for a ucid no call has,
 * so nothing on a real call changes; at most one token is generated for the whole run.
 */
export async function runDoctor(input: DoctorInput): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const { config } = input;
  checks.push(
    input.missing.length === 0
      ? { name: 'Settings', ok: true, detail: `${config.mode} mode as ${config.userName || '(legacy)'}` }
      : { name: 'Settings', ok: false, detail: `Missing: ${input.missing.join(', ')} (Settings → Account).` },
  );

  let base: string | null = null;
  try {
    base = resolveBaseUrl(config.endpoint);
  } catch (e) {
    checks.push({ name: 'Base URL', ok: false, detail: e instanceof Error ? e.message : String(e) });
  }

  const { key } = input;
  checks.push(
    key.stored === null
      ? { name: 'API key', ok: false, detail: key.problem ?? `Could not read ${key.where}.` }
      : key.stored
        ? { name: 'API key', ok: true, detail: `Stored in ${key.where}.` }
        : { name: 'API key', ok: false, detail: `No key stored in ${key.where}.` },
  );

  if (!base) return checks;
  const network = await networkChecks(input.transport, new URL(base), input.connectTimeoutMs ?? 5000);
  checks.push(...network.checks);
  if (!network.reached || !key.stored) {
    checks.push({ name: 'Authentication', ok: false, detail: 'Not tried: fix the checks above first.' });
    return checks;
  }

  const made: CloudAgentClient[] = [];
  const clientFor = (over: Partial<CloudAgentConfig>, noRenewal = false): CloudAgentClient => {
    const client = createCloudAgentClient(
      { ...config, ...over },
      {
        secrets: input.secrets(),
        trace: input.trace,
        now: input.now,
        log: input.log ?? nullLogger,
        transport: input.transport,
        noRenewal,
      },
    );
    made.push(client);
    return client;
  };
  try {
    await probeAll(input, clientFor, checks);
  } catch (e) {
    // A configuration the client refuses (an empty mandatory field, a bad mode): one line, not a crash.
    checks.push({ name: 'Authentication', ok: false, detail: describe(e) });
  } finally {
    await Promise.all(made.map((c) => c.dispose()));
  }
  return checks;
}

async function probeAll(
  input: DoctorInput,
  clientFor: (over: Partial<CloudAgentConfig>, noRenewal?: boolean) => CloudAgentClient,
  checks: DoctorCheck[],
): Promise<void> {
  const { config } = input;
  const mode = config.mode;
  const primary = clientFor({});
  const auth = await probe(primary, input.probeNumber);
  checks.push(
    auth.ok
      ? { name: `Authentication (${mode})`, ok: true, detail: auth.detail }
      : { name: `Authentication (${mode})`, ok: false, detail: describe(auth.error) },
  );

  // Which API mode the account accepts, read from the answers.
  if (!auth.ok && auth.error.remedy === MODE_REMEDY.token) {
    checks.push({
      name: 'API mode',
      ok: false,
      detail: `The account expects token authentication. ${MODE_REMEDY.token}`,
    });
  } else if (!auth.ok && auth.error.remedy === MODE_REMEDY.basic) {
    checks.push({
      name: 'API mode',
      ok: false,
      detail: `The account expects basic authentication. ${MODE_REMEDY.basic}`,
    });
  } else if (auth.ok && mode !== 'legacy') {
    checks.push({ name: 'API mode', ok: true, detail: `The account accepts ${mode} authentication.` });
  } else if (mode === 'legacy' && config.userName.trim() !== '') {
    // A basic probe costs no token: tells whether the account could leave the deprecated endpoint.
    const basic = await probe(clientFor({ mode: 'basic' }), input.probeNumber);
    checks.push(
      basic.ok
        ? {
            name: 'API mode',
            ok: true,
            detail:
              'The account accepts basic authentication too; the legacy endpoint is deprecated, so consider ' +
              'Settings → Account → API mode: Basic (CLI: --mode basic).',
          }
        : {
            name: 'API mode',
            ok: auth.ok,
            detail: `Legacy only so far; basic answered: ${describe(basic.error)}`,
          },
    );
  }

  // Which token form it reads: retry with the other form and the same token (no new generation).
  let working = auth.ok ? primary : null;
  if (mode === 'token') {
    const form: TokenForm = config.tokenForm ?? 'bearer';
    const other: TokenForm = form === 'bearer' ? 'raw' : 'bearer';
    if (auth.ok) {
      checks.push({ name: 'Token form', ok: true, detail: `CloudAgent reads the token as sent (${form}).` });
    } else if (/did not read the token/.test(auth.error.message)) {
      const second = clientFor({ tokenForm: other }, true);
      const retry = await probe(second, input.probeNumber);
      if (retry.ok) working = second;
      checks.push(
        retry.ok
          ? {
              name: 'Token form',
              ok: false,
              detail:
                `CloudAgent reads the ${other} form, not ${form}: set Settings → Account → Token form to ` +
                `${other === 'raw' ? 'Raw' : 'Bearer'} (CLI: --token-form ${other}).`,
            }
          : { name: 'Token form', ok: false, detail: `Neither form was read: ${describe(retry.error)}` },
      );
    }
  }

  if (working) checks.push(await numberFormat(working, input.region));
}

/** Which number format the instance accepts: UNHOLD with a number of each format for the probe ucid. */
async function numberFormat(client: CloudAgentClient, region: 'in' | 'intl'): Promise<DoctorCheck> {
  const name = 'Number format';
  const verdicts: Record<'in' | 'intl', 'accepted' | 'refused' | 'unknown'> = {
    in: 'unknown',
    intl: 'unknown',
  };
  for (const format of ['in', 'intl'] as const) {
    try {
      await client.callControl({
        action: 'UNHOLD',
        ucid: PROBE_UCID,
        conferenceNumber: PROBE_NUMBERS[format],
      });
      verdicts[format] = 'accepted';
    } catch (e) {
      if (e instanceof AppError && e.kind === 'InvalidNumber') verdicts[format] = 'refused';
      else if (e instanceof AppError && e.kind === 'CallNotFound') verdicts[format] = 'accepted';
    }
  }
  const accepted = (['in', 'intl'] as const).filter((f) => verdicts[f] === 'accepted');
  const label = { in: 'India (0 + 10 digits)', intl: 'international (+country code)' };
  if (accepted.length !== 1) {
    return { name, ok: true, detail: 'Could not tell from the answers (both formats got the same one).' };
  }
  const format = accepted[0] as 'in' | 'intl';
  if (region !== format) {
    return {
      name,
      ok: false,
      detail:
        `CloudAgent accepts ${label[format]} numbers: set Settings → Account → Instance to ` +
        `${format === 'in' ? 'India' : 'International'} (CLI: --region ${format}).`,
    };
  }
  return { name, ok: true, detail: `CloudAgent accepts ${label[format]} numbers.` };
}

async function probe(client: CloudAgentClient, number: string): Promise<Probe> {
  try {
    await client.callControl({ action: 'UNHOLD', ucid: PROBE_UCID, conferenceNumber: number });
    return { ok: true, detail: 'CloudAgent accepted the credentials.' };
  } catch (e) {
    if (e instanceof AppError && (e.kind === 'CallNotFound' || e.kind === 'InvalidNumber')) {
      return { ok: true, detail: `CloudAgent accepted the credentials (probe call: "${e.message}").` };
    }
    if (e instanceof AppError) return { ok: false, error: e };
    return { ok: false, error: new AppError('Internal', 'Unexpected failure.') };
  }
}

function describe(e: unknown): string {
  if (e instanceof AppError) return `${e.message} — ${e.remedy}`;
  return 'Unexpected failure.';
}
