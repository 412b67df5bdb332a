import { normalizeNumber, type NormalizeResult, type Region } from '../../../../shared/phone';
import type { Contact } from '../../../../shared/settings';

export interface ContactDraft {
  label: string;
  number: string;
  sip: boolean;
  /** '' = no speed-dial slot, else '1'…'9'. */
  slot: string;
}

export const EMPTY_CONTACT: ContactDraft = { label: '', number: '', sip: false, slot: '' };

export function contactToDraft(c: Contact): ContactDraft {
  return { label: c.label, number: c.number, sip: c.sip, slot: c.slot === null ? '' : String(c.slot) };
}

export type ContactErrors = Partial<Record<keyof ContactDraft, string>>;

/** Live number check for the form: nothing until something is typed. */
export function checkNumber(d: ContactDraft, region: Region): NormalizeResult | null {
  return d.number.trim() === '' ? null : normalizeNumber(d.number, region, { sip: d.sip });
}

/** Everything the form can tell before asking main: label, number format, slot uniqueness. */
export function validateContact(
  d: ContactDraft,
  region: Region,
  others: readonly Contact[],
): { ok: true; contact: Omit<Contact, 'id'> } | { ok: false; errors: ContactErrors } {
  const errors: ContactErrors = {};
  const label = d.label.trim();
  if (label === '') errors.label = 'Enter a name for this contact.';
  else if (label.length > 60) errors.label = 'Keep the name to 60 characters or fewer.';
  const number = normalizeNumber(d.number, region, { sip: d.sip });
  if (!number.ok) errors.number = number.message;
  const slot = d.slot === '' ? null : Number(d.slot);
  const holder = slot === null ? undefined : others.find((c) => c.slot === slot);
  if (holder) errors.slot = `Speed-dial ${slot} is already ${holder.label}.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, contact: { label, number: d.number.trim(), sip: d.sip, slot } };
}
