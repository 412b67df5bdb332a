import type { Contact, RecentNumber } from '../../../shared/settings';
import { loadPhoneRules, phoneRulesNow } from '../lib/phone';
import { setDraft } from '../store/drafts';
import { invokeOrToast } from '../store/actions';
import { regionOf, isLive } from '../store/selectors';
import { getState, setState } from '../store/store';
import { requestFocus } from './commands';

/** Opens the session for a pasted or typed ucid; a bad one is shown inline and the text stays. */
export async function submitUcid(text: string): Promise<void> {
  setDraft('ucid', text);
  const r = await invokeOrToast('setUcid', { text }, { toast: false });
  if (r.ok) setState({ ucidError: null, drafts: { ...getState().drafts, ucid: '' } });
  else setState({ ucidError: r.error.message });
}

export function clearSession(): void {
  void invokeOrToast('clearSession', {}).then((r) => {
    if (r.ok) setState({ ucidError: null, focusRequest: { target: 'ucid', n: Date.now() } });
  });
}

export async function startCall(): Promise<void> {
  const s = getState();
  const text = s.drafts.customer;
  const { normalizeNumber } = await loadPhoneRules();
  const check = normalizeNumber(text, regionOf(s));
  if (!check.ok) {
    setState({ customerError: check.message });
    return;
  }
  setState({ customerError: null });
  const r = await invokeOrToast('startCall', { customerNumber: text.trim() });
  if (r.ok) setState({ startCallOpen: false, drafts: { ...getState().drafts, customer: '' } });
}

/**
 * The add field's preview: what would be dialled, or what is wrong with it (never sent when wrong);
 * null while the number rules are still loading.
 */
export function previewNumber(text: string, sip: boolean, region: 'in' | 'intl') {
  return phoneRulesNow()?.normalizeNumber(text, region, { sip }) ?? null;
}

/** Dials what was typed; on any error the field keeps its text. Resolves whether the dial went through. */
export async function submitTypedNumber(): Promise<boolean> {
  const s = getState();
  const { add, addSip } = s.drafts;
  const { normalizeNumber } = await loadPhoneRules();
  const check = normalizeNumber(add, regionOf(s), { sip: addSip });
  if (!check.ok) {
    setState({ addError: check.message });
    return false;
  }
  return dial({ number: add.trim(), sip: addSip });
}

/** Dials a directory contact or a recent number picked from the suggestions. */
export async function dialPicked(pick: Contact | RecentNumber): Promise<boolean> {
  return dial({ number: pick.number, sip: pick.sip, ...(pick.label ? { label: pick.label } : {}) });
}

// Errors about the number itself are also shown under the field, next to the text to fix.
const INLINE_KINDS = new Set(['InvalidInput', 'InvalidNumber', 'Duplicate']);

async function dial(input: { number: string; sip: boolean; label?: string }): Promise<boolean> {
  if (!isLive(getState())) {
    setState({ addError: 'Paste the ucid of a live call first.' });
    return false;
  }
  const typed = getState().drafts.add;
  setState({ addError: null, suggestionsOpen: false });
  const r = await invokeOrToast('addParticipant', input);
  // Clear the field only if the agent has not started typing the next number meanwhile.
  if (r.ok) {
    if (getState().drafts.add === typed)
      setState({ drafts: { ...getState().drafts, add: '' }, miniReveal: false });
  } else if (INLINE_KINDS.has(r.error.kind)) setState({ addError: r.error.message });
  return r.ok;
}

/** Turns demo mode on; its ready-made call is offered next, with focus on the offer. */
export function enableDemo(): void {
  void invokeOrToast('setDemo', { enabled: true }).then((r) => {
    if (r.ok) requestFocus('demoCall');
  });
}
