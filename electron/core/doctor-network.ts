import { AppError } from '../../shared/errors';
import type { DoctorCheck } from '../../shared/session';
import type { Route, RouteDescription, RouteOrigin, Transport } from './cloudagent/transport';

/**
 * Doctor's network lines, for the app and the CLI alike, read from the transport's `describe`: how
 * CloudAgent is reached (direct or through which proxy, and who said so), what is trusted, and who issued
 * the certificate CloudAgent presented (a TLS-inspecting firewall shows up there as the company's CA).
 */

const FROM: Record<RouteOrigin, string> = {
  os: 'from the system proxy settings (OS / PAC)',
  environment: 'from the environment (HTTPS_PROXY / NO_PROXY)',
  setting: 'from Settings → Network',
  option: 'from the command line (--proxy / --no-proxy)',
  loopback: 'always, for this computer (loopback)',
  default: 'no proxy configured',
};

/** "Direct (…)" or "through proxy host:port (…)": one route in words. */
export function describeRoute(route: Route): string {
  return route.kind === 'direct'
    ? `Direct (${FROM[route.from]})`
    : `Through proxy ${route.proxy.host} (${route.proxy.protocol === 'https:' ? 'HTTPS, ' : ''}${FROM[route.from]})`;
}

/** "Node's 146 bundled roots + 12 system certificates + the extra CA file /x.pem (Acme CA)". */
export function describeTrust(trust: RouteDescription['trust']): string {
  const parts = [`${trust.bundled} bundled root certificates`];
  parts.push(
    trust.system > 0 ? `${trust.system} from the system store` : 'no system store (not available here)',
  );
  if (trust.extra) {
    const subjects = trust.extra.subjects.length > 0 ? ` (${trust.extra.subjects.join('; ')})` : '';
    parts.push(`the extra CA file ${trust.extra.file}${subjects}`);
  }
  return parts.join(' + ');
}

export interface NetworkCheckInput {
  transport: Pick<Transport, 'describe'>;
  /** The CloudAgent origin, e.g. https://in1-ccaas-api.ozonetel.com. */
  origin: string;
  /** Why the extra CA file is not in force (missing, unreadable, not a certificate), when it is not. */
  trustProblem?: string | null;
}

export async function networkChecks(input: NetworkCheckInput): Promise<DoctorCheck[]> {
  let d: RouteDescription;
  try {
    d = await input.transport.describe(input.origin);
  } catch (e) {
    const detail = e instanceof AppError ? `${e.message} ${e.remedy}` : 'The route could not be worked out.';
    return [{ name: 'Network route', ok: false, detail }];
  }
  const checks: DoctorCheck[] = [{ name: 'Network route', ok: true, detail: `${describeRoute(d.route)}.` }];
  checks.push(
    input.trustProblem
      ? {
          name: 'Trust',
          ok: false,
          detail: `${describeTrust(d.trust)}. ${input.trustProblem}`,
        }
      : { name: 'Trust', ok: true, detail: `${describeTrust(d.trust)}.` },
  );
  if (d.certificate) {
    checks.push({
      name: 'Certificate',
      ok: true,
      detail:
        `${new URL(input.origin).host} presented "${d.certificate.subject}", issued by ` +
        `"${d.certificate.issuer}" (valid to ${d.certificate.validTo}).`,
    });
  }
  return checks;
}
