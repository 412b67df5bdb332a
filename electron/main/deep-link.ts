import { app } from 'electron';
import type { Logger } from '../core/log';
import { DEEP_LINK_SCHEME } from '../shell/deep-link';
import { phoneLinkRegistration } from '../shell/phone-link-registration';

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

/**
 * Asks the OS for tel: and callto: (or gives them back) as behaviour.phoneLinks says; the decision is
 * phoneLinkRegistration's. Called at start and whenever the settings change.
 */
export function applyPhoneLinkRegistration(enabled: boolean, log: Logger): void {
  const calls = phoneLinkRegistration({
    packaged: app.isPackaged,
    enabled,
    isDefault: (scheme) => app.isDefaultProtocolClient(scheme),
  });
  for (const { op, scheme } of calls) {
    const done =
      op === 'set' ? app.setAsDefaultProtocolClient(scheme) : app.removeAsDefaultProtocolClient(scheme);
    if (done) log.info(op === 'set' ? 'asked the OS for phone links' : 'gave phone links back', { scheme });
    else log.warn('the OS refused the phone-link registration', { scheme, op });
  }
}
