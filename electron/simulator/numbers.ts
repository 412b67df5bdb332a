import type { NumberFormat } from './types';

const FORMATS: Record<NumberFormat, RegExp> = {
  in: /^0\d{10}$/,
  intl: /^\+[1-9]\d{6,14}$/,
};
const SIP_NUMBER = /^((sips?:)?[^@\s:]+@[^@\s]+|\+?\d+)$/;
const CUSTOMER_NUMBER = /^\+?\d{10,15}$/;

/** Whether CloudAgent would take this `conferenceNumber` (SIP participants: any user@host or digits). */
export function isConferenceNumber(value: string, format: NumberFormat, sip: boolean): boolean {
  return sip ? SIP_NUMBER.test(value) : FORMATS[format].test(value);
}

/** Phone Manual Dial is lenient about the customer number's prefix; it needs 10-15 digits. */
export function isCustomerNumber(value: string): boolean {
  return CUSTOMER_NUMBER.test(value);
}

/**
 * The agent's own number may arrive as stored or in another spelling of the same line
 * (09800000001, 9800000001, +919800000001): compare the last ten digits.
 */
export function isSameLine(a: string, b: string): boolean {
  if (a === b) return true;
  const da = a.replace(/\D/g, '');
  const db = b.replace(/\D/g, '');
  return da.length >= 10 && db.length >= 10 && da.slice(-10) === db.slice(-10);
}
