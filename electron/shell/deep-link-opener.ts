import type { NumberPrefill, ToastEvent } from '../../shared/session';
import type { Logger } from '../core/log';
import { linkSchemeName, parseDeepLink, readLinkNumber, type DeepLink, type LinkNumber } from './deep-link';
import { errorToast } from './toast';
import type { TypedInvoke } from './typed-invoke';
import { ucidOfferToast } from './ucid-offer';

export interface DeepLinkDeps {
  invoke: TypedInvoke;
  showWindow: () => void;
  toast: (toast: ToastEvent) => void;
  /** Hands a link's number to the window, which prefills its field (never dials it). */
  prefill: (prefill: NumberPrefill) => void;
  log: Logger;
}

export interface DeepLinks {
  /** A link from argv, `second-instance` or macOS `open-url`; held until `ready` when it comes early. */
  receive(url: string): Promise<void>;
  /** The window's page is loaded: open the held link, if any, and every later one at once. */
  ready(deps: DeepLinkDeps): Promise<void>;
}

/**
 * Acts on a link (parseDeepLink). A confbar://call link with no live call opens the call it names
 * (setUcid) and brings the window forward. During a live call it never replaces it: a link to the live ucid
 * only brings the window forward, a link to another ucid brings it forward with an offer to switch
 * (ucidOfferToast) that only the agent can accept — otherwise a link from any program could take the
 * toolbar off a call whose parties stay connected.
 *
 * A number (tel:, callto:, sip:, confbar://dial, confbar://call/<ucid>?add=) is read by the add field's
 * rules for the account's region and handed to the window to prefill: the add field during a live call,
 * Start call otherwise. A link never dials: Enter in the window does.
 *
 * A refused link (a bad link, or a number the region cannot dial) leaves the window where it is and gets a
 * toast with the reason but not the link. Of links that arrive before the window is ready only the latest
 * is kept: it is the one the agent clicked last.
 */
export function createDeepLinks(): DeepLinks {
  let pending: string | null = null;
  let deps: DeepLinkDeps | null = null;

  function refuse(url: string, reason: string, d: DeepLinkDeps, remedy?: string): void {
    const scheme = linkSchemeName(url);
    d.log.warn('ignored a link', { scheme, reason });
    d.toast({
      level: 'error',
      message: `Ignored a ${scheme} link: ${reason}.`,
      ...(remedy ? { remedy } : {}),
    });
  }

  async function open(url: string, d: DeepLinkDeps): Promise<void> {
    const parsed = parseDeepLink(url);
    if (!parsed.ok) {
      refuse(url, parsed.reason, d);
      return;
    }
    const link = parsed.link;
    let prefill: NumberPrefill | null = null;
    const number = numberOf(link);
    if (number) {
      const settings = await d.invoke('getSettings', {});
      const region = settings.ok ? settings.value.settings.account.region : 'in';
      const read = readLinkNumber(number.number, region);
      if (!read.ok) {
        refuse(url, 'the number cannot be dialled', d, read.message);
        return;
      }
      prefill = {
        number: read.value,
        sip: number.number.sip,
        label: number.label,
        kind: link.kind === 'dial' ? 'dial' : 'number',
        ...(link.kind === 'dial' && link.reference !== null ? { reference: link.reference } : {}),
      };
    }
    const snapshot = await d.invoke('getSnapshot', {});
    // Without a snapshot there is no telling whether a call is live: offer rather than replace.
    const session = snapshot.ok ? snapshot.value.session : undefined;
    const live = session === undefined || session?.status === 'live';
    if (link.kind !== 'call') {
      // Start call cannot dial a SIP address: it can only join a live call.
      if (prefill?.sip && !live) {
        refuse(
          url,
          'a SIP address can only be added to a live call',
          d,
          'Open the call first, then use the link again.',
        );
        return;
      }
      d.showWindow();
      if (prefill) d.prefill(prefill);
      return;
    }
    const { ucid } = link;
    d.showWindow();
    if (live) {
      if (session?.ucid === ucid) {
        if (prefill) d.prefill(prefill);
        return;
      }
      const offer = ucidOfferToast(ucid, { source: 'link', liveUcid: session?.ucid ?? null });
      const then = prefill ? ` Then ${prefill.number} goes into its add field (not dialled).` : '';
      d.toast(prefill ? { ...offer, remedy: `${offer.remedy ?? ''}${then}`, prefill } : offer);
      return;
    }
    const result = await d.invoke('setUcid', { text: ucid });
    if (!result.ok) d.toast(errorToast(result.error));
    else if (prefill) d.prefill(prefill);
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

/** The number a link brings, with the name it gives, if it brings one. */
function numberOf(link: DeepLink): { number: LinkNumber; label: string | null } | null {
  if (link.kind === 'number') return { number: link.number, label: null };
  if (link.kind === 'dial') return { number: link.number, label: null };
  return link.add ?? null;
}
