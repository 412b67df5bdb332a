import { app, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/log';
import { isPermissionAllowed } from '../shell/permissions';
import { isTrustedSender } from '../shell/sender';

/**
 * Session-wide rules: every permission refused except clipboard writes from the app's page (the CSV
 * "Copy" button). The CSP is sent by the app protocol (app-protocol.ts) and repeated in index.html.
 */
export function hardenSession(ses: Session, appPage: string, log: Logger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl, appPage);
    if (!allowed) log.info('refused a permission request', { permission });
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, appPage),
  );
}

/**
 * Rules for every web contents the app ever creates: no navigation away from the app's page (also via
 * redirects), no new windows, no <webview>.
 */
export function hardenAllWebContents(appPage: string, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appPage, log));
}

function hardenWebContents(contents: WebContents, appPage: string, log: Logger): void {
  const stayOnPage = (event: { url: string; preventDefault(): void }, what: string) => {
    if (isTrustedSender(event.url, appPage)) return;
    event.preventDefault();
    log.warn(`blocked a ${what}`, { to: originOf(event.url) });
  };
  contents.on('will-navigate', (event) => stayOnPage(event, 'navigation'));
  contents.on('will-redirect', (event) => stayOnPage(event, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('blocked a new window', { to: originOf(url) });
    return { action: 'deny' };
  });
}

function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable)';
  }
}
