import { AppError } from '../../shared/errors';
import type { Route, RouteOrigin } from '../core/cloudagent/transport';

/**
 * Reads Chromium's answer to `session.resolveProxy(url)` (the OS settings, a PAC file or WPAD, evaluated by
 * Chromium): a PAC-style list such as `PROXY proxy.corp:8080; DIRECT`, tried in order. Each entry becomes
 * one Route, so the transport falls through to the next one when a proxy cannot be reached (VS Code's
 * proxy-agent uses only the first entry; a PAC that names a fallback means it).
 *
 * - `DIRECT` → a direct route; `PROXY h[:p]` → an http: proxy (port 80 by default); `HTTPS h[:p]` → an
 *   https: proxy (port 443 by default). Keywords in any case, entries separated by `;`.
 * - `SOCKS`, `SOCKS4`, `SOCKS5` and `QUIC` proxies are not supported: such entries are skipped when a
 *   supported one follows; when none does, the answer is an AppError naming the proxy (never a silent
 *   direct connection that IT did not ask for).
 * - Anything else is an AppError that quotes the answer.
 * An empty answer is Chromium's empty list, which it itself treats as DIRECT.
 */
export function parseProxyAnswer(answer: string, from: RouteOrigin = 'os'): Route[] {
  const entries = answer
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) return [{ kind: 'direct', from }];

  const routes: Route[] = [];
  const unsupported: string[] = [];
  for (const entry of entries) {
    const parsed = parseEntry(entry, answer);
    if (parsed.kind === 'unsupported') unsupported.push(parsed.describe);
    else
      routes.push(
        parsed.kind === 'direct' ? { kind: 'direct', from } : { kind: 'proxy', proxy: parsed.proxy, from },
      );
  }
  if (routes.length === 0) {
    const [first] = unsupported;
    throw new AppError(
      'Network',
      `The system's proxy settings send CloudAgent's traffic through ${first}, which ConfBar does not support.`,
      'Ask IT for an HTTP proxy for ConfBar, or set one in Settings → Network → Proxy.',
    );
  }
  return routes;
}

type Entry = { kind: 'direct' } | { kind: 'proxy'; proxy: URL } | { kind: 'unsupported'; describe: string };

const UNSUPPORTED: Record<string, string> = {
  SOCKS: 'the SOCKS proxy',
  SOCKS4: 'the SOCKS4 proxy',
  SOCKS5: 'the SOCKS5 proxy',
  QUIC: 'the QUIC proxy',
};

function parseEntry(entry: string, answer: string): Entry {
  const [keyword = '', hostPort, ...rest] = entry.split(/\s+/);
  const kw = keyword.toUpperCase();
  if (kw === 'DIRECT' && hostPort === undefined) return { kind: 'direct' };
  if (hostPort === undefined || rest.length > 0) throw unreadable(answer);
  const unsupported = UNSUPPORTED[kw];
  if (unsupported) return { kind: 'unsupported', describe: `${unsupported} ${hostPort}` };
  if (kw !== 'PROXY' && kw !== 'HTTPS') throw unreadable(answer);
  const proxy = proxyUrl(kw === 'HTTPS' ? 'https:' : 'http:', hostPort);
  if (!proxy) throw unreadable(answer);
  return { kind: 'proxy', proxy };
}

/** `host:port`, `host` or `[v6]:port` as a URL without path or credentials; undefined when it is not one. */
function proxyUrl(protocol: 'http:' | 'https:', hostPort: string): URL | undefined {
  if (/[/@?#\\]/.test(hostPort)) return undefined;
  let url: URL;
  try {
    url = new URL(`${protocol}//${hostPort}`);
  } catch {
    return undefined;
  }
  if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  // Accept only what the URL parser kept verbatim (apart from letter case and a default port).
  const explicitPort = /:(\d+)$/.exec(hostPort)?.[1];
  if (explicitPort !== undefined && Number(explicitPort) === 0) return undefined;
  return url;
}

function unreadable(answer: string): AppError {
  const shown = answer.length > 120 ? `${answer.slice(0, 120)}…` : answer;
  return new AppError(
    'Network',
    `The system's proxy settings gave an answer ConfBar cannot read: "${shown}".`,
    'Ask IT to check the proxy configuration (PAC file), or set Settings → Network → Proxy.',
  );
}
