import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import type { Logger } from '../core/log';
import { APP_SCHEME, appResponseHeaders, resolveAppAsset } from '../shell/app-page';

/**
 * Declares the app's own scheme as a standard, secure origin. Electron requires this before `ready`, and
 * only once: it is the only privileged scheme ConfBar has.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/**
 * Serves the built renderer (`out/renderer`, inside app.asar when packaged) on `app://confbar/`, read-only,
 * with the CSP header on every response. Paths outside the renderer folder are 404s.
 */
export function serveRenderer(rootDir: string, log: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const file = resolveAppAsset(request.url, rootDir);
    if (!file) {
      log.warn('refused an app:// request outside the renderer', { path: safePath(request.url) });
      return new Response(null, { status: 404 });
    }
    try {
      return new Response(await readFile(file), { headers: appResponseHeaders(file) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname.slice(0, 120);
  } catch {
    return '(unparsable)';
  }
}
