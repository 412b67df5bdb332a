import { app } from 'electron';
import type { Logger } from '../core/log';
import { DEEP_LINK_SCHEME } from '../shell/deep-link';

/**
 * Makes ConfBar the handler of confbar:// links. Only an installed app claims the scheme: a development
 * run would register the bare Electron binary with the OS. (macOS and Linux installers also declare it,
 * from `protocols` in electron-builder.yml.)
 */
export function registerDeepLinkScheme(log: Logger): void {
  if (!app.isPackaged) {
    log.info('development run: not registering the confbar:// scheme with the OS');
    return;
  }
  if (!app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)) log.warn('could not register the confbar:// scheme');
}
