import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** India ("in", 0 + 10 digits) or international ("intl", E.164). */
export type Region = 'in' | 'intl';

export type NormalizeResult = { ok: true; value: string } | { ok: false; message: string };

// A SIP participant is addressed as `sip:user@host` or `user@host`; CloudAgent takes it as typed.
const SIP_ADDRESS = /^(sips?:)?[A-Za-z0-9._~+!$&'*=-]+@[A-Za-z0-9.-]+(:\d{1,5})?$/;
const SIP_EXTENSION = /^\+?[0-9]{2,15}$/;
const PUNCTUATION = /[\s\-().\u00a0]/g;

/**
 * Turns what an agent typed or pasted into the `conferenceNumber` CloudAgent expects for the region,
 * or says precisely what is wrong with it. Never throws.
 */
export function normalizeNumber(
  input: string,
  region: Region,
  opts: { sip?: boolean } = {},
): NormalizeResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, message: 'Enter a phone number.' };
  if (opts.sip) {
    if (SIP_ADDRESS.test(raw) || SIP_EXTENSION.test(raw)) return { ok: true, value: raw };
    return {
      ok: false,
      message: `"${clip(raw)}" is not a SIP address (expected user@host or an extension).`,
    };
  }
  if (/[A-Za-z]/.test(raw)) {
    return { ok: false, message: `"${clip(raw)}" contains letters; a phone number has only digits.` };
  }
  if (/[^0-9+\s\-().\u00a0]/.test(raw)) {
    return { ok: false, message: `"${clip(raw)}" contains characters that are not part of a phone number.` };
  }
  return region === 'in' ? normalizeIndia(raw) : normalizeInternational(raw);
}

function normalizeIndia(raw: string): NormalizeResult {
  const compact = raw.replace(PUNCTUATION, '');
  let national: string;
  if (compact.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(compact);
    if (!parsed || parsed.countryCallingCode !== '91') {
      return { ok: false, message: 'Only Indian numbers (+91) can be dialled on the India instance.' };
    }
    national = parsed.nationalNumber;
  } else if (/^0091\d{10}$/.test(compact)) {
    national = compact.slice(4);
  } else if (/^91\d{10}$/.test(compact)) {
    national = compact.slice(2);
  } else if (/^0\d{10}$/.test(compact)) {
    national = compact.slice(1);
  } else if (/^\d{10}$/.test(compact)) {
    national = compact;
  } else {
    const digits = compact.replace(/\D/g, '').length;
    return {
      ok: false,
      message: `An Indian number has 10 digits (optionally after 0 or +91); "${clip(raw)}" has ${digits}.`,
    };
  }
  const parsed = parsePhoneNumberFromString(national, 'IN');
  if (!parsed || !parsed.isPossible()) {
    return { ok: false, message: `"${clip(raw)}" is not a possible Indian number.` };
  }
  if (!parsed.isValid()) {
    return { ok: false, message: `"${clip(raw)}" is not a valid Indian number (check the first digits).` };
  }
  return { ok: true, value: `0${parsed.nationalNumber}` };
}

function normalizeInternational(raw: string): NormalizeResult {
  const compact = raw.replace(PUNCTUATION, '');
  const withPlus = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!withPlus.startsWith('+')) {
    return {
      ok: false,
      message: `International numbers start with + and the country code (e.g. +14155550123); got "${clip(raw)}".`,
    };
  }
  const parsed = parsePhoneNumberFromString(withPlus);
  if (!parsed || !parsed.isPossible()) {
    return { ok: false, message: `"${clip(raw)}" has the wrong length for its country code.` };
  }
  if (!parsed.isValid()) {
    return { ok: false, message: `"${clip(raw)}" is not a valid number for its country.` };
  }
  return { ok: true, value: parsed.number };
}

/**
 * What to do about a number with an extension (typed `98111 12222 ext 12`, or a link's `;ext=12`):
 * CloudAgent dials numbers only, so the agent dials the number and asks for the extension.
 */
export function extensionGuidance(number: string, extension: string): string {
  return `CloudAgent dials numbers without extensions: dial ${number.trim()} and ask for extension ${extension}, or turn on SIP if ${extension} is a SIP extension.`;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
