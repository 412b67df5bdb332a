/**
 * The rules for Settings → Network values, in words: one place used by the settings schema (main, policy)
 * and the Network tab (to say what is wrong as the agent types). No zod, no Node: the renderer loads it.
 *
 * - `network.proxy`: `system` (the OS settings, PAC or WPAD), `none` (always direct), or an http(s) proxy
 *   URL without credentials (a login belongs in the keychain, Settings → Network → Proxy login).
 * - `network.noProxy`: hosts that go direct, written as NO_PROXY is (comma- or space-separated host names,
 *   `.suffix` or `*.suffix`, optional `:port`, IP addresses, or `*` for everything).
 * - `network.extraCaFile`: '' (none) or the absolute path of a PEM file; whether the file is readable and
 *   holds certificates is checked where files can be read (main, doctor).
 */

export type ProxySetting = 'system' | 'none' | string;

const MAX_PROXY_LENGTH = 500;
const MAX_NO_PROXY_LENGTH = 2000;
const MAX_PATH_LENGTH = 1000;

/** Why a `network.proxy` value cannot be used, or null when it can. */
export function proxySettingProblem(value: string): string | null {
  const v = value.trim();
  if (v === 'system' || v === 'none') return null;
  if (v === '') return 'enter a proxy URL such as http://proxy.example.com:8080, or choose System or None';
  if (v.length > MAX_PROXY_LENGTH) return `must be at most ${MAX_PROXY_LENGTH} characters`;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(v)?.[1]?.toLowerCase();
  if (scheme === undefined)
    return 'must be a URL that starts with http:// or https://, e.g. http://proxy.example.com:8080';
  if (scheme.startsWith('socks'))
    return `SOCKS proxies (${scheme}://) are not supported: ConfBar needs an HTTP proxy (http:// or https://)`;
  if (scheme !== 'http' && scheme !== 'https')
    return `a ${scheme}:// URL is not a proxy ConfBar can use: it must start with http:// or https://`;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return 'is not a valid URL (check the host name and the port)';
  }
  if (url.hostname === '') return 'must name the proxy host';
  if (url.username !== '' || url.password !== '')
    return 'must not contain a user name or password: enter them under Proxy login, which keeps them in the keychain';
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '')
    return 'must be only scheme, host and port (no path), e.g. http://proxy.example.com:8080';
  return null;
}

/** The NO_PROXY-style entries of a `network.noProxy` value (trimmed, lower case, empty ones dropped). */
export function noProxyEntries(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
}

const HOST_ENTRY = /^(\*|\*?\.?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\]|[0-9a-f:.]+)(:\d{1,5})?$/i;

/** Why a `network.noProxy` value cannot be used, or null when it can. */
export function noProxyProblem(value: string): string | null {
  if (value.length > MAX_NO_PROXY_LENGTH) return `must be at most ${MAX_NO_PROXY_LENGTH} characters`;
  for (const entry of noProxyEntries(value)) {
    if (entry.includes('://'))
      return `"${entry}": write host names only (e.g. intranet.example.com or .example.com), not URLs`;
    if (entry.includes('/')) return `"${entry}": address ranges (CIDR) are not supported; list host names`;
    if (!HOST_ENTRY.test(entry)) return `"${entry}" is not a host name, .domain, IP address or *`;
  }
  return null;
}

/** Why a `network.extraCaFile` value cannot be a path, or null when it can (or is empty: none). */
export function caFilePathProblem(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (v.length > MAX_PATH_LENGTH) return `must be at most ${MAX_PATH_LENGTH} characters`;
  if (!/^(\/|[a-z]:[\\/]|\\\\)/i.test(v))
    return 'must be the full path of a PEM file, e.g. C:\\Certs\\company-ca.pem or /etc/ssl/company-ca.pem';
  return null;
}
