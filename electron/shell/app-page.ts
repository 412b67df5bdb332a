import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * The renderer is served from a privileged custom scheme rather than file://, so its pages get a real
 * origin and response headers (CSP), and file:// needs no extra privileges (see the fuses).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'confbar';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type PageSource = { kind: 'dev-server'; url: string } | { kind: 'app-scheme'; url: string };

/**
 * Which URL the window loads. The dev server (electron-vite sets ELECTRON_RENDERER_URL) is used only in an
 * unpackaged app and only on loopback over http, so an environment variable can never point an installed
 * app at remote content.
 */
export function pageSource(opts: { packaged: boolean; devServerUrl: string | undefined }): PageSource {
  const dev = opts.devServerUrl;
  if (!opts.packaged && dev && isLoopbackHttp(dev)) return { kind: 'dev-server', url: new URL(dev).href };
  return { kind: 'app-scheme', url: APP_PAGE_URL };
}

function isLoopbackHttp(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

/**
 * The file under `rootDir` that an `app://confbar/...` request names, or null for anything else: another
 * scheme or host, a path that leaves `rootDir` (`..`, encoded or not), NUL bytes, or malformed encoding.
 * "/" is the page itself.
 */
export function resolveAppAsset(requestUrl: string, rootDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  if (url.username || url.password || url.port) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${pathname}`);
  return file.startsWith(root + path.sep) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Response headers for an app asset: its type, no sniffing, and the CSP on every response. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}
