import type { ToastEvent } from '../../shared/session';
import type { Logger } from '../core/log';
import { parseDeepLink } from './deep-link';
import { errorToast } from './toast';
import type { TypedInvoke } from './typed-invoke';
import { ucidOfferToast } from './ucid-offer';

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
 * Acts on a confbar:// link. With no live call it opens the call the link names (setUcid) and brings the
 * window forward. During a live call it never replaces it: a link to the live ucid only brings the window
 * forward, a link to another ucid brings it forward with an offer to switch (ucidOfferToast) that only the
 * agent can accept — otherwise a link from any program could take the toolbar off a call whose parties
 * stay connected. A refused link (see parseDeepLink) leaves the window where it is and gets a toast that
 * gives the reason but not the link. Of links that arrive before the window is ready only the latest is
 * kept: it is the one the agent clicked last.
 */
export function createDeepLinks(): DeepLinks {
  let pending: string | null = null;
  let deps: DeepLinkDeps | null = null;

  async function open(url: string, d: DeepLinkDeps): Promise<void> {
    const parsed = parseDeepLink(url);
    if (!parsed.ok) {
      d.log.warn('ignored a confbar:// link', { reason: parsed.reason });
      d.toast({ level: 'error', message: `Ignored a confbar:// link: ${parsed.reason}.` });
      return;
    }
    const { ucid } = parsed.link;
    const snapshot = await d.invoke('getSnapshot', {});
    d.showWindow();
    // Without a snapshot there is no telling whether a call is live: offer rather than replace.
    const session = snapshot.ok ? snapshot.value.session : undefined;
    if (session === undefined || session?.status === 'live') {
      if (session?.ucid === ucid) return;
      d.toast(ucidOfferToast(ucid, { source: 'link', liveUcid: session?.ucid ?? null }));
      return;
    }
    const result = await d.invoke('setUcid', { text: ucid });
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
