import type { ToastEvent } from '../../shared/session';
import type { Logger } from '../core/log';
import { parseDeepLink } from './deep-link';
import { errorToast } from './toast';
import type { TypedInvoke } from './typed-invoke';

export interface DeepLinkDeps {
  invoke: TypedInvoke;
  showWindow: () => void;
  toast: (toast: ToastEvent) => void;
  log: Logger;
}

export interface DeepLinks {
  /** A link from argv, `second-instance` or macOS `open-url`; held until `ready` when it comes early. */
  receive(url: string): Promise<void>;
  /** The window's page is loaded: open the held link, if any, and every later one at once. */
  ready(deps: DeepLinkDeps): Promise<void>;
}

/**
 * Opens the call a confbar:// link names (setUcid) and brings the window forward. A link that is not a
 * call link is refused with a toast that gives the reason but not the link. Of links that arrive before
 * the window is ready only the latest is kept: it is the one the agent clicked last.
 */
export function createDeepLinks(): DeepLinks {
  let pending: string | null = null;
  let deps: DeepLinkDeps | null = null;

  async function open(url: string, d: DeepLinkDeps): Promise<void> {
    d.showWindow();
    const parsed = parseDeepLink(url);
    if (!parsed.ok) {
      d.log.warn('ignored a confbar:// link', { reason: parsed.reason });
      d.toast({ level: 'error', message: `Ignored a confbar:// link: ${parsed.reason}.` });
      return;
    }
    const result = await d.invoke('setUcid', { text: parsed.link.ucid });
    if (!result.ok) d.toast(errorToast(result.error));
  }

  return {
    async receive(url) {
      if (deps) await open(url, deps);
      else pending = url;
    },
    async ready(d) {
      deps = d;
      const held = pending;
      pending = null;
      if (held) await open(held, d);
    },
  };
}
