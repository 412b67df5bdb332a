import type { NormalizeResult } from '../../../shared/phone';
import { offersRelease, uuiProblem } from '../../../shared/phone-line';
import { readUcid, UCID_MAX_TEXT } from '../../../shared/ucid';
import type { Contact, RecentNumber } from '../../../shared/settings';
import { loadPhoneRules, phoneRulesNow } from '../lib/phone';
import { invoke } from '../api';
import { setDraft } from '../store/drafts';
import { linkNameFor } from '../store/link-prefill';
import { invokeOrToast, toastError } from '../store/actions';
import { regionOf, isLive } from '../store/selectors';
import { getState, setState } from '../store/store';
import { requestFocus } from './commands';

/**
 * Opens the session for a pasted or typed ucid. Text that is not plainly one ucid is refused here, before
 * main, with the likely value offered (focus goes to it, so Enter accepts); the text stays in the field.
 */
export async function submitUcid(text: string): Promise<void> {
  if (text.length <= UCID_MAX_TEXT) setDraft('ucid', text);
  const read = readUcid(text);
  if (!read.ok) {
    setState({
      ucidError: { message: read.message, ...(read.suggestion ? { suggestion: read.suggestion } : {}) },
    });
    if (read.suggestion) requestFocus('suggestion');
    return;
  }
  const r = await invokeOrToast('setUcid', { text: read.ucid }, { toast: false });
  if (r.ok) setState({ ucidError: null, drafts: { ...getState().drafts, ucid: '' } });
  else setState({ ucidError: { message: r.error.message } });
}

export function clearSession(): void {
  void invokeOrToast('clearSession', {}).then((r) => {
    if (r.ok) {
      setState({ ucidError: null });
      requestFocus('ucid');
    }
  });
}

/**
 * Start call: the customer number and the optional Reference are checked here first (refused in words,
 * nothing sent). A refusal because the agent's phone is busy or still mapped is said under the field with
 * the "Release my phone" offer; any other failure is a toast. The typed text stays either way.
 */
export async function startCall(): Promise<void> {
  const s = getState();
  const text = s.drafts.customer;
  const reference = s.drafts.reference.trim();
  const { normalizeNumber } = await loadPhoneRules();
  const check = normalizeNumber(text, regionOf(s));
  if (!check.ok) {
    setState({ customerError: check.message, releaseOffer: false });
    return;
  }
  const refProblem = uuiProblem(reference);
  if (refProblem) {
    setState({ customerError: refProblem, releaseOffer: false });
    requestFocus('reference');
    return;
  }
  setState({ customerError: null, releaseOffer: false });
  const r = await invokeOrToast(
    'startCall',
    { customerNumber: text.trim(), ...(reference ? { reference } : {}) },
    { toast: false },
  );
  if (r.ok) {
    setState({ startCallOpen: false, drafts: { ...getState().drafts, customer: '', reference: '' } });
  } else if (offersRelease(r.error)) {
    setState({
      customerError: `${r.error.message.replace(/\.?$/, '.')} ${r.error.remedy}`,
      releaseOffer: true,
    });
    requestFocus('releaseOffer');
  } else toastError(r.error);
}

/**
 * The add field's preview: what would be dialled, or what is wrong with it (never sent when wrong); null
 * while the number rules are still loading. With SIP off, a SIP address or an extension gets guidance on
 * what to do instead of a bare refusal.
 */
export function previewNumber(text: string, sip: boolean, region: 'in' | 'intl'): NormalizeResult | null {
  const rules = phoneRulesNow();
  if (!rules) return null;
  const r = rules.normalizeNumber(text, region, { sip });
  if (r.ok || sip) return r;
  const raw = text.trim();
  if (/^sips?:/i.test(raw) || /^[^\s@]+@[^\s@]+$/.test(raw))
    return {
      ok: false,
      message: 'That is a SIP address: turn on SIP (the switch beside the field) to dial it.',
    };
  const ext = /^([+\d][\d\s\-().]*\d)\s*(?:ext\.?|extn\.?|extension|x|#|,|;|w|p)\s*(\d{1,6})$/i.exec(raw);
  if (ext) return { ok: false, message: rules.extensionGuidance(ext[1]!, ext[2]!) };
  if (/^\d{2,6}$/.test(raw))
    return { ok: false, message: `${r.message} If ${raw} is an extension, turn on SIP to dial it.` };
  return r;
}

// At most one "about to dial" a second: main only needs to know the agent is there, not every key.
const PREPARE_EVERY_MS = 1000;
let preparedAt = -Infinity;

/**
 * The agent is about to dial (the add field got focus, or a key): main refreshes the connection now, so
 * the dial goes out at once on a live one. Silent: a failure only costs the dial its head start.
 */
export function prepareDial(): void {
  if (!isLive(getState()) || performance.now() - preparedAt < PREPARE_EVERY_MS) return;
  preparedAt = performance.now();
  void invoke('prepareDial', {});
}

/** Dials what was typed; on any error the field keeps its text. Resolves whether the dial went through. */
export async function submitTypedNumber(): Promise<boolean> {
  const s = getState();
  const { add, addSip } = s.drafts;
  await loadPhoneRules();
  const check = previewNumber(add, addSip, regionOf(s)) ?? {
    ok: false,
    message: 'The number rules did not load.',
  };
  if (!check.ok) {
    setState({ addError: check.message });
    return false;
  }
  // A number a link brought dials with the name the link (or the directory) gave it.
  const label = linkNameFor('add', add);
  return dial({ number: add.trim(), sip: addSip, ...(label ? { label } : {}) });
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
  const r = await invokeOrToast('addParticipant', input, { toast: false });
  // Clear the field only if the agent has not started typing the next number meanwhile.
  if (r.ok) {
    if (getState().drafts.add === typed)
      setState({ drafts: { ...getState().drafts, add: '' }, miniReveal: false });
  } else if (INLINE_KINDS.has(r.error.kind)) {
    // Said once, under the field, next to the text to fix.
    setState({ addError: r.error.message });
  } else {
    const newest = r.error.kind === 'CallNotFound' ? undefined : newestParticipantId();
    toastError(r.error, newest);
  }
  return r.ok;
}

/** The participant a failed add left in the list (the engine selects whoever it adds). */
function newestParticipantId(): string | undefined {
  return getState().snapshot?.session?.selectedId ?? undefined;
}

/** Turns demo mode on; its ready-made call is offered next, with focus on the offer. */
export function enableDemo(): void {
  void invokeOrToast('setDemo', { enabled: true }).then((r) => {
    if (r.ok) requestFocus('demoCall');
  });
}
