/**
 * Route sources that need no OS: direct (tests, the benchmark, demo mode) and the CLI's, from the
 * environment and its options. The app's comes from Electron's resolveProxy (electron/main).
 *
 * NO_PROXY matching follows proxy-from-env's rules (exact host, `.suffix` / `*.suffix`, optional `:port`,
 * `*` for all; tests/unit/net/routes.test.ts checks it against that package), but is written here because
 * proxy-from-env only reads `process.env` (the CLI passes its environment in, so tests can give their own)
 * and falls back to ALL_PROXY instead of HTTP_PROXY for https URLs.
 */
import { AppError } from '../../../shared/errors';
import { isLoopbackHost } from '../../../shared/loopback';
import type { ProxyCredentials, Route, RouteOrigin, RouteSource } from '../cloudagent/transport';
import { rememberSecret } from '../redact';

/** Every origin goes direct. */
export function directRoutes(from: RouteOrigin = 'default'): RouteSource {
  return { routesFor: async () => [{ kind: 'direct', from }], invalidate: () => undefined };
}

export interface ProxyChoice {
  url: URL;
  /** The same URL without credentials: what routes, logs and doctor show. */
  shown: URL;
  credentials?: { username: string; password: string };
}

/**
 * Reads a proxy URL as a person typed it ("proxy.corp:3128", "http://user:pw@proxy:8080").
 * SOCKS and other schemes → AppError InvalidInput in words.
 */
export function parseProxyUrl(text: string, where: string): ProxyChoice {
  const raw = text.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    throw new AppError('InvalidInput', `${where} is not a proxy address (expected http://host:port).`);
  }
  if (/^socks/i.test(url.protocol)) {
    throw new AppError(
      'InvalidInput',
      `${where} names a SOCKS proxy (${url.host}); ConfBar supports HTTP proxies only.`,
      'Use the HTTP proxy address IT gives you (http://host:port).',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError(
      'InvalidInput',
      `${where} must start with http:// or https:// (not ${url.protocol}//).`,
    );
  }
  if (!url.hostname) throw new AppError('InvalidInput', `${where} has no host name.`);
  const credentials = url.username
    ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
    : undefined;
  const shown = new URL(`${url.protocol}//${url.host}`);
  // Masked in every log line, message and report from now on, should anything ever echo it.
  rememberSecret(credentials?.password);
  return { url, shown, credentials };
}

/** Lower-case wins, as curl and Node do. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v?.trim() ? v.trim() : undefined;
}

/** Whether NO_PROXY's list sends `url` direct (proxy-from-env's rules). */
export function noProxyMatches(noProxy: string | undefined, url: URL): boolean {
  const list = (noProxy ?? '').toLowerCase();
  if (!list) return false;
  if (list.trim() === '*') return true;
  const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  return list.split(/[,\s]/).some((item) => {
    if (!item) return false;
    const m = /^(.+):(\d+)$/.exec(item);
    const host = m ? m[1]! : item;
    if (m && Number(m[2]) !== port) return false;
    if (!/^[.*]/.test(host)) return hostname === host;
    return hostname.endsWith(host.startsWith('*') ? host.slice(1) : host);
  });
}

export interface CliRouteOptions {
  env: NodeJS.ProcessEnv;
  /** --proxy URL */
  proxy?: string;
  /** --no-proxy */
  noProxy?: boolean;
}

/**
 * The CLI's routes: `--no-proxy` → direct; `--proxy` → that proxy; else HTTPS_PROXY/HTTP_PROXY (for an
 * https origin; HTTP_PROXY for http); NO_PROXY sends matching hosts direct either way; loopback is direct.
 * Credentials come from the proxy URL and are kept out of every Route.
 */
export function cliRoutes(opts: CliRouteOptions): { routes: RouteSource; credentials: ProxyCredentials } {
  const option = opts.proxy ? parseProxyUrl(opts.proxy, '--proxy') : undefined;
  const envChoices = new Map<string, ProxyChoice>();
  const fromEnv = (protocol: string): ProxyChoice | undefined => {
    const names = protocol === 'https:' ? ['https_proxy', 'http_proxy'] : ['http_proxy'];
    for (const name of names) {
      const value = envValue(opts.env, name);
      if (value) {
        const key = `${name}=${value}`;
        let choice = envChoices.get(key);
        if (!choice) envChoices.set(key, (choice = parseProxyUrl(value, name.toUpperCase())));
        return choice;
      }
    }
    return undefined;
  };
  const logins = new Map<string, { username: string; password: string }>();
  const routesFor = async (origin: string): Promise<Route[]> => {
    const url = new URL(origin);
    if (isLoopbackHost(url.hostname)) return [{ kind: 'direct', from: 'loopback' }];
    if (opts.noProxy) return [{ kind: 'direct', from: 'option' }];
    const choice = option ?? fromEnv(url.protocol);
    const from: RouteOrigin = option ? 'option' : 'environment';
    if (!choice) return [{ kind: 'direct', from: 'default' }];
    if (noProxyMatches(envValue(opts.env, 'no_proxy'), url)) return [{ kind: 'direct', from: 'environment' }];
    if (choice.credentials) logins.set(choice.shown.href, choice.credentials);
    return [{ kind: 'proxy', proxy: choice.shown, from }];
  };
  return {
    routes: { routesFor, invalidate: () => undefined },
    credentials: { get: async (proxy) => logins.get(proxy.href) },
  };
}
