/**
 * Network failures in words: what failed (CloudAgent, the proxy, the certificate), which one (host:port,
 * the certificate's issuer, the proxy's status) and what to do. Only host names and ports ever appear here:
 * never a path, a query, a header value or a credential.
 */
import { STATUS_CODES } from 'node:http';
import { AppError } from '../../../shared/errors';
import type { Route } from '../cloudagent/transport';
import { offeredSchemes } from './proxy-authenticate';

export const EXTRA_CA_FIX = 'set Network → Extra CA file (CLI: --ca-file)';

/** What the exchange saw before it failed. */
export interface FailureContext {
  /** CloudAgent's host:port. */
  target: string;
  route: Route;
  /** The proxy's answer to CONNECT when it was not 200. */
  proxyAnswer?: { status: number; authenticate: string[] };
  /** A TCP connection to the proxy was made. */
  reachedProxy?: boolean;
  /** The issuer (CN) of the certificate presented in a handshake that failed. */
  peerIssuer?: string;
  /** Basic credentials were sent to the proxy. */
  sentProxyLogin?: boolean;
  /** The Windows login (Negotiate) was sent to the proxy. */
  sentNegotiate?: boolean;
}

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

export function proxyAnswerError(
  ctx: FailureContext & { proxyAnswer: { status: number; authenticate: string[] } },
): AppError {
  const proxy = proxyName(ctx.route);
  const { status, authenticate } = ctx.proxyAnswer;
  const statusText = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
  if (status === 407) {
    const schemes = offeredSchemes(authenticate);
    const named = schemes.length ? schemes.join(' or ') : 'an unnamed scheme';
    const basic = schemes.some((s) => /^basic$/i.test(s));
    if (ctx.sentNegotiate) {
      return new AppError(
        'Network',
        `The proxy ${proxy} refused your Windows login (407 after Negotiate; it asks for ${named}).`,
        basic
          ? 'Ask IT whether your account may use this proxy, or enter a proxy user name and password in Settings → Network.'
          : 'Ask IT whether your account may use this proxy, and whether your Kerberos ticket is for its realm.',
      );
    }
    if (ctx.sentProxyLogin) {
      return new AppError(
        'Network',
        `The proxy ${proxy} refused the proxy login (407, it asks for ${named}).`,
        'Check the proxy user name and password in Settings → Network (CLI: in the proxy URL).',
      );
    }
    return new AppError(
      'Network',
      `The proxy ${proxy} wants a login (407, it asks for ${named}).`,
      basic
        ? 'Enter the proxy user name and password in Settings → Network (CLI: --proxy http://user:password@host:port).'
        : `ConfBar logs in to a proxy by Basic, or by Negotiate with your Windows login (not by NTLM alone); ask IT to enable Negotiate or Basic for ConfBar, or to allow ${ctx.target} without a login.`,
    );
  }
  if (status === 502 || status === 503 || status === 504) {
    return new AppError(
      'Network',
      `The proxy ${proxy} could not reach CloudAgent at ${ctx.target} (${statusText}).`,
      'The proxy works but CloudAgent is out of its reach: check the base URL, or ask IT whether the proxy may reach it.',
    );
  }
  return new AppError(
    'Network',
    `The proxy ${proxy} refused the connection to ${ctx.target} (${statusText}).`,
    `Ask IT to allow ${ctx.target} through the proxy.`,
  );
}

/** Maps a socket/TLS error to words, telling the proxy's part from CloudAgent's. */
export function networkFailure(err: Error & { code?: string }, ctx: FailureContext): AppError {
  if (ctx.proxyAnswer) return proxyAnswerError({ ...ctx, proxyAnswer: ctx.proxyAnswer });
  const code = err.code ?? '';
  if (ctx.route.kind === 'proxy' && !ctx.reachedProxy) {
    const proxy = proxyName(ctx.route);
    if (UNTRUSTED.has(code)) {
      // An HTTPS proxy (`HTTPS h:p`) whose own certificate a company CA signed.
      return new AppError(
        'Network',
        `Could not reach the proxy ${proxy}: its certificate is not trusted (${code}).`,
        `Ask IT for the CA certificate (PEM) that signed the proxy's certificate and ${EXTRA_CA_FIX}. ConfBar never turns certificate checks off.`,
      );
    }
    return new AppError(
      'Network',
      `Could not reach the proxy ${proxy} (${describeCode(code, err.message)}).`,
      `Check the proxy address, ${routeFromWords(ctx.route)}, and your network connection.`,
    );
  }
  const where = ctx.target;
  if (UNTRUSTED.has(code)) {
    const issuer = ctx.peerIssuer ?? 'an unknown issuer';
    return new AppError(
      'Network',
      `${where}'s certificate is signed by '${issuer}', which ConfBar does not trust: your network inspects TLS; ask IT for that CA and ${EXTRA_CA_FIX}.`,
      `Ask IT for the '${issuer}' certificate (PEM) and ${EXTRA_CA_FIX}. ConfBar never turns certificate checks off.`,
    );
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return new AppError(
      'Network',
      `${where}'s certificate has expired${ctx.peerIssuer ? ` (issued by '${ctx.peerIssuer}')` : ''}.`,
      "Check the computer's date and time; if it is right, the server's certificate must be renewed.",
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new AppError(
      'Network',
      `${where}'s certificate was issued for another name.`,
      'Check the base URL; a network that re-signs certificates may be answering for the server.',
    );
  }
  const via = ctx.route.kind === 'proxy' ? ` through the proxy ${proxyName(ctx.route)}` : '';
  switch (code) {
    case 'ECONNREFUSED':
      return new AppError('Network', `Could not connect to ${where}${via} (connection refused).`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new AppError(
        'Network',
        `The connection to ${where}${via} was reset before CloudAgent answered.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('Network', `Could not find ${where} (DNS lookup failed).`);
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return new AppError('Network', `Could not reach ${where}${via} (${code}).`);
    default:
      if (
        code.startsWith('ERR_TLS') ||
        code.startsWith('ERR_SSL') ||
        /certificate|SSL|TLS/i.test(err.message)
      ) {
        return new AppError('Network', `The secure connection to ${where} failed (${code || err.message}).`);
      }
      if (err.message === 'socket hang up') {
        return new AppError('Network', `The connection to ${where}${via} closed before CloudAgent answered.`);
      }
      return new AppError('Network', `Talking to ${where}${via} failed (${code || err.message}).`);
  }
}

function describeCode(code: string, message: string): string {
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'DNS lookup failed';
  if (code === 'ECONNRESET') return 'connection reset';
  return code || message;
}

export function proxyName(route: Route): string {
  return route.kind === 'proxy' ? route.proxy.host : 'direct';
}

/** "the environment (HTTPS_PROXY)" etc.: where a route came from, for messages and doctor. */
export function routeFromWords(route: Route): string {
  switch (route.from) {
    case 'os':
      return 'from the system settings (OS/PAC)';
    case 'environment':
      return 'from the environment: HTTPS_PROXY/HTTP_PROXY, NO_PROXY';
    case 'setting':
      return 'from Settings → Network';
    case 'option':
      return 'from the command line (--proxy/--no-proxy)';
    case 'loopback':
      return 'loopback always goes direct';
    default:
      return 'no proxy configured';
  }
}

/** "direct, no proxy configured" / "via proxy proxy.corp:3128, from the environment (…)". */
export function describeRoute(route: Route): string {
  return route.kind === 'direct'
    ? `direct, ${routeFromWords(route)}`
    : `via proxy ${route.proxy.host}, ${routeFromWords(route)}`;
}
