import { OFFER_KEY, type NumberPrefill } from '../../../shared/session';
import { loadPhoneRules } from '../lib/phone';
import { contactNameFor } from '../lib/suggest';
import { invokeOrToast, pushToast } from './actions';
import { requestFocus } from './focus';
import { isLive, regionOf, settingsOf } from './selectors';
import { announce } from './snapshot';
import { getState, setState, useToolbar, type LinkPrefill } from './store';

type Field = LinkPrefill['field'];

/**
 * A number a link brought (main's `prefill` event): into the add field during a live call, else into
 * Start call (Phone Manual Dial), with the window's focus on it and one announcement. Never dials: Enter
 * does, Esc discards it. Text the agent is typing in that field is never replaced: the number is offered
 * instead (a toast that OFFER_KEY or its button takes).
 */
export async function receivePrefill(p: NumberPrefill): Promise<void> {
  // A link that started ConfBar arrives as the page loads: which field it fills depends on the call, and
  // its name on the directory, so wait for both.
  await hydrated();
  const s = getState();
  const field = fieldFor(p);
  if (field === 'customer' && isLive(s)) {
    offer(p, `A link asks to call ${p.number}, but a call is live.`, 'When it has ended, press');
    return;
  }
  const typed = (field === 'add' ? s.drafts.add : s.drafts.customer).trim();
  if (typed !== '' && typed !== p.number) {
    offer(p, `A link brought ${who(p)}${p.number}; what you typed stays.`, 'To replace it, press');
    return;
  }
  await takePrefill(p);
}

function hydrated(): Promise<void> {
  const ready = () => {
    const s = getState();
    return (s.snapshot !== null && s.settingsView !== null) || s.loadError !== null;
  };
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const off = useToolbar.subscribe(() => {
      if (!ready()) return;
      off();
      resolve();
    });
  });
}

/** Puts the number in its field now (the agent chose it, or nothing was typed there). */
export async function takePrefill(p: NumberPrefill): Promise<void> {
  const field = fieldFor(p);
  const s = getState();
  if (field === 'customer' && isLive(s)) {
    pushToast({ level: 'info', message: 'End the live call first: Start call opens when no call is live.' });
    return;
  }
  if (field === 'customer' && p.sip) {
    pushToast({ level: 'error', message: 'A SIP address can only be added to a live call.' });
    return;
  }
  // An ended call is only on screen for reference: Start call puts it away first (as C does).
  if (field === 'customer' && s.snapshot?.session) {
    const r = await invokeOrToast('clearSession', {});
    if (!r.ok) return;
  }
  // The directory's name needs the number rules (a lazy chunk); they are in by the time a link arrives.
  await loadPhoneRules();
  const now = getState();
  const name = p.label ?? contactNameFor(p.number, p.sip, settingsOf(now).directory, regionOf(now));
  const prefill: LinkPrefill = { field, number: p.number, name, reference: p.reference ?? null };
  const drafts =
    field === 'add'
      ? { ...now.drafts, add: p.number, addSip: p.sip }
      : { ...now.drafts, customer: p.number, reference: p.reference ?? now.drafts.reference };
  setState({
    view: 'toolbar',
    helpOpen: false,
    suggestionsOpen: false,
    addError: null,
    customerError: null,
    ...(field === 'add' ? { miniReveal: settingsOf(now).behaviour.miniMode } : { startCallOpen: true }),
    drafts,
    linkPrefill: prefill,
  });
  requestFocus(field);
  announce(
    `Number from a link: ${name ? `${name}, ` : ''}${p.number}. Enter ${field === 'add' ? 'adds' : 'calls'}.`,
  );
}

/**
 * Esc in a field that still holds a link's number: empties it and says so; false when the field holds
 * something else (the agent's own text is never discarded this way).
 */
export function discardLinkPrefill(field: Field, text: string): boolean {
  const lp = getState().linkPrefill;
  if (!lp || lp.field !== field) return false;
  setState({ linkPrefill: null });
  if (text !== lp.number) return false;
  setState({ drafts: { ...getState().drafts, [field]: '' } });
  announce('Discarded the number from the link.');
  return true;
}

/** The link's name for a dial of `number` from `field`, while the field still holds the link's number. */
export function linkNameFor(field: Field, number: string): string | null {
  const lp = getState().linkPrefill;
  return lp && lp.field === field && lp.number === number.trim() ? lp.name : null;
}

/** What the hint under `field` adds while it holds a link's number: `: Priya Sharma, from a link`. */
export function linkHint(lp: LinkPrefill | null, field: Field, text: string): string {
  if (!lp || lp.field !== field || lp.number !== text.trim()) return '';
  return lp.name ? `: ${lp.name}, from a link` : ', from a link';
}

function fieldFor(p: NumberPrefill): Field {
  return p.kind === 'number' && isLive(getState()) ? 'add' : 'customer';
}

function who(p: NumberPrefill): string {
  return p.label ? `${p.label}, ` : '';
}

function offer(p: NumberPrefill, message: string, lead: string): void {
  const key = OFFER_KEY.toUpperCase();
  pushToast({
    level: 'info',
    message,
    remedy: `${lead} ${key} (outside a text field) or choose Use number.`,
    prefill: p,
  });
}
