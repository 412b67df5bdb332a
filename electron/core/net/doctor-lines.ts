/**
 * Doctor's network lines, shared by the CLI and the app: how CloudAgent is reached (direct or which proxy,
 * and where that came from), whether it answers over that route, and for https the certificate it presented
 * and the trust in force. Everything goes through the same transport the actions use.
 */
import { performance } from 'node:perf_hooks';
import { isAppError } from '../../../shared/errors';
import type { DoctorCheck } from '../../../shared/session';
import type { Transport, TrustDescription } from '../cloudagent/transport';
import { describeRoute } from './failures';

export async function networkChecks(
  transport: Transport,
  base: URL,
  timeoutMs: number,
): Promise<{ checks: DoctorCheck[]; reached: boolean }> {
  const checks: DoctorCheck[] = [];
  try {
    const { route } = await transport.describe(base.origin);
    checks.push({ name: 'Network route', ok: true, detail: describeRoute(route) });
  } catch (e) {
    checks.push({ name: 'Network route', ok: false, detail: words(e) });
    return { checks, reached: false };
  }
  const started = performance.now();
  let reached = false;
  try {
    const res = await transport.request({
      method: 'HEAD',
      url: new URL('/', base),
      timeoutMs,
      replay: 'once',
    });
    reached = true;
    const ms = Math.round(performance.now() - started);
    checks.push({
      name: 'Host reachable',
      ok: true,
      detail: `${base.host} answered (HTTP ${res.status}) in ${ms} ms.`,
    });
  } catch (e) {
    checks.push({
      name: 'Host reachable',
      ok: false,
      detail: `${words(e)} Check the Instance or Custom base URL setting and Network settings.`,
    });
  }
  const seen = await transport.describe(base.origin);
  if (seen.proxyLogin) {
    checks.push({
      name: 'Proxy login',
      ok: reached,
      detail:
        seen.proxyLogin === 'Negotiate'
          ? 'The proxy asks for a Windows login: ConfBar answers Negotiate with the logged-on user’s login (Kerberos); no password is stored.'
          : 'The proxy asks for Basic: ConfBar sends the proxy user name and password kept in the keychain (CLI: from the proxy URL).',
    });
  }
  if (base.protocol === 'https:') {
    const { trust, certificate } = seen;
    checks.push({
      name: 'Certificate',
      ok: reached,
      detail: certificate
        ? `${base.hostname} presented a certificate for '${certificate.subject}' issued by '${certificate.issuer}' (valid to ${certificate.validTo}); trusted: ${describeTrust(trust)}.`
        : `Trusted: ${describeTrust(trust)}.`,
    });
  }
  return { checks, reached };
}

/** "144 bundled roots + 12 system certificates + /etc/acme.pem (Acme Corp Inspection CA)". */
export function describeTrust(trust: TrustDescription): string {
  const parts = [`${trust.bundled} bundled roots`];
  if (trust.system) parts.push(`${trust.system} system certificates`);
  if (trust.extra) {
    const subjects = trust.extra.subjects.length ? ` (${trust.extra.subjects.join(', ')})` : '';
    parts.push(`${trust.extra.file}${subjects}`);
  }
  return parts.join(' + ');
}

function words(e: unknown): string {
  if (isAppError(e)) return `${e.message} ${e.remedy}`;
  return e instanceof Error ? e.message : String(e);
}
