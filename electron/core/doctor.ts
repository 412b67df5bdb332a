import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { AppError } from '../../shared/errors';
import type { DoctorCheck } from '../../shared/session';
import { resolveBaseUrl } from './cloudagent/hosts';
import type { CloudAgentClient, CloudAgentConfig } from './cloudagent/types';

export interface DoctorInput {
  config: CloudAgentConfig;
  /** Account fields still empty (see missingAccountFields). */
  missing: string[];
  /** Where the key lives, and whether one is there (null when the keychain could not be read). */
  key: { stored: boolean | null; where: string; problem?: string };
  /** A client for the config, or null when the config itself is unusable. */
  client: () => CloudAgentClient;
  /** A number valid for the region, used in the harmless auth probe. */
  probeNumber: string;
  connectTimeoutMs?: number;
}

/** Numbers valid in each region's format, for the auth probe when no agent number is configured. */
export const PROBE_NUMBERS = { in: '09999999999', intl: '+14155550123' } as const;

// A ucid no live call has: CloudAgent answers "Call not Found" only after accepting the credentials.
const PROBE_UCID = '100000000000000001';

/**
 * "Does my key work?", one line per check: settings, key, host reachable, auth. The auth probe sends an
 * UNHOLD for a ucid that cannot exist, so nothing on a real call changes.
 */
export async function runDoctor(input: DoctorInput): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  checks.push(
    input.missing.length === 0
      ? {
          name: 'Settings',
          ok: true,
          detail: `${input.config.mode} mode as ${input.config.userName || '(legacy)'}`,
        }
      : { name: 'Settings', ok: false, detail: `Missing: ${input.missing.join(', ')}.` },
  );

  let base: string | null = null;
  try {
    base = resolveBaseUrl(input.config.endpoint);
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
  const reach = await probeHost(new URL(base), input.connectTimeoutMs ?? 5000);
  checks.push({ name: 'Host reachable', ok: reach.ok, detail: reach.detail });
  if (!reach.ok || !key.stored) {
    checks.push({ name: 'Authentication', ok: false, detail: 'Not tried: fix the checks above first.' });
    return checks;
  }
  checks.push(await probeAuth(input));
  return checks;
}

async function probeAuth(input: DoctorInput): Promise<DoctorCheck> {
  const name = `Authentication (${input.config.mode})`;
  try {
    await input
      .client()
      .callControl({ action: 'UNHOLD', ucid: PROBE_UCID, conferenceNumber: input.probeNumber });
    return { name, ok: true, detail: 'CloudAgent accepted the credentials.' };
  } catch (e) {
    if (e instanceof AppError && e.kind === 'CallNotFound') {
      return {
        name,
        ok: true,
        detail: 'CloudAgent accepted the credentials (probe call: "Call not Found").',
      };
    }
    if (e instanceof AppError) return { name, ok: false, detail: `${e.message} — ${e.remedy}` };
    return { name, ok: false, detail: 'Unexpected failure.' };
  }
}

/** DNS + TCP (+ TLS for https): what the first action would pay. */
function probeHost(url: URL, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const started = performance.now();
  return new Promise((resolve) => {
    const socket: Socket =
      url.protocol === 'https:'
        ? tlsConnect({ host, port, servername: host, timeout: timeoutMs })
        : netConnect({ host, port, timeout: timeoutMs });
    const done = (ok: boolean, detail: string) => {
      socket.destroy();
      resolve({ ok, detail });
    };
    socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () =>
      done(true, `${url.host} answered in ${Math.round(performance.now() - started)} ms.`),
    );
    socket.once('timeout', () => done(false, `${url.host} did not answer within ${timeoutMs} ms.`));
    socket.once('error', (err: NodeJS.ErrnoException) =>
      done(false, `${url.host}: ${err.code ?? 'connection failed'} (${err.message.slice(0, 80)}).`),
    );
  });
}
