import type { ToastEvent } from '../../shared/session';
import { ucidOfferToast } from './ucid-offer';

export interface ClipboardOfferContext {
  /** behaviour.clipboardOffer */
  enabled: boolean;
  /** A call is open and live: never offer to replace it. */
  liveSession: boolean;
  /** The ucid offered last time, so refocusing the window does not repeat the same offer. */
  lastOffered: string | null;
}

const MAX_CLIPBOARD = 2000;
const BARE = /^\s*(\d{6,30})\s*$/;
const LABELLED = /ucid["'\s]*[:=/]\s*["']?(\d{6,30})(?!\d)/i;

/**
 * The ucid the clipboard holds, if it plainly holds one: the bare id, or text that names `ucid` (a CRM
 * link or JSON snippet). Any other long number (a phone number, an order id) is not a ucid.
 */
export function clipboardUcid(text: string): string | null {
  if (text.length > MAX_CLIPBOARD) return null;
  return BARE.exec(text)?.[1] ?? LABELLED.exec(text)?.[1] ?? null;
}

/**
 * The offer toast (ucidOfferToast) for the clipboard's ucid when the window gains focus, or null when there
 * is nothing to offer. Only an offer: nothing is pasted or opened without the agent acting.
 */
export function clipboardOffer(
  text: string,
  ctx: ClipboardOfferContext,
): { ucid: string; toast: ToastEvent } | null {
  if (!ctx.enabled || ctx.liveSession) return null;
  const ucid = clipboardUcid(text);
  if (!ucid || ucid === ctx.lastOffered) return null;
  return { ucid, toast: ucidOfferToast(ucid, { source: 'clipboard' }) };
}
