import { OFFER_KEY, type ToastEvent } from '../../shared/session';

/**
 * The one way main offers to open a call instead of opening it: an info toast naming the ucid, with a
 * button and a key (OFFER_KEY). The renderer opens the call (setUcid) only when the agent accepts.
 */
export function ucidOfferToast(
  ucid: string,
  why: { source: 'clipboard' } | { source: 'link'; liveUcid: string | null },
): ToastEvent {
  const key = OFFER_KEY.toUpperCase();
  if (why.source === 'clipboard') {
    return {
      level: 'info',
      message: `The clipboard holds ucid ${ucid}.`,
      remedy: `Press ${key} or choose Open to open that call.`,
      offer: { ucid, label: `Open call ${ucid}` },
    };
  }
  const live = why.liveUcid ? `call ${why.liveUcid} is still live` : 'a call is still live';
  return {
    level: 'info',
    message: `A confbar:// link asks to open ucid ${ucid}, but ${live}.`,
    remedy: `Press ${key} or choose Switch to leave the current call and open ucid ${ucid}; its parties stay connected in CloudAgent.`,
    offer: { ucid, label: `Switch to ${ucid}` },
  };
}
