import type { AppErrorShape } from './errors';

/**
 * The agent's own line (the phone CloudAgent rings for offline calls): the rules both sides share for
 * Phone Manual Dial's options and for "Release my phone". Plain data and functions, no zod, so the
 * renderer can load it.
 */

/** `callLimit` bounds, in seconds: CloudAgent's "maximum talk time". 4 hours is past any real call. */
export const CALL_LIMIT_MIN_S = 1;
export const CALL_LIMIT_MAX_S = 14_400;

/** `uui` (the Start call field's "Reference"): short, and only characters a CRM id or ticket uses. */
export const UUI_MAX_LENGTH = 64;
const UUI_PATTERN = /^[A-Za-z0-9 _.:/#@-]+$/;

/**
 * What is wrong with a reference, as a clause ("the reference is 80 characters long; …"), or null when it
 * can be sent (empty is fine: nothing is sent). Start call, the CLI and links all read it by this rule.
 */
export function uuiReason(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  if (value.length > UUI_MAX_LENGTH)
    return `the reference is ${value.length} characters long; CloudAgent's reports take at most ${UUI_MAX_LENGTH}`;
  if (!UUI_PATTERN.test(value)) {
    const bad = [...value].find((c) => !UUI_PATTERN.test(c)) ?? '';
    return `the reference may hold letters, digits, spaces and - _ . : / # @ only (not "${bad}")`;
  }
  return null;
}

/** Why a reference cannot be sent, as a sentence, or null when it can. */
export function uuiProblem(text: string): string | null {
  const reason = uuiReason(text);
  return reason ? `${reason[0]!.toUpperCase()}${reason.slice(1)}. Nothing was sent.` : null;
}

/** Why a talk-time limit cannot be used, or null when it can. */
export function callLimitProblem(seconds: number): string | null {
  if (!Number.isInteger(seconds) || seconds < CALL_LIMIT_MIN_S || seconds > CALL_LIMIT_MAX_S)
    return `The call limit must be a whole number of seconds from ${CALL_LIMIT_MIN_S} to ${CALL_LIMIT_MAX_S} (4 hours); got ${String(seconds)}. Nothing was sent.`;
  return null;
}

/**
 * Refusals of Phone Manual Dial that say the agent's phone is busy or still mapped to a customer: the ones
 * "Release my phone" can cure. CloudAgent's wording for the checkStatus refusal is not documented; this
 * matches the gist (the simulator's words are in electron/simulator/messages.ts).
 */
export const PHONE_BUSY_PATTERN = /\b(busy|still mapped|already mapped)\b/i;

export function isPhoneBusyMessage(message: string): boolean {
  return PHONE_BUSY_PATTERN.test(message);
}

/** Whether an error from Start call should come with the "Release my phone" offer. */
export function offersRelease(error: Pick<AppErrorShape, 'kind' | 'message'>): boolean {
  return error.kind === 'Refused' && isPhoneBusyMessage(error.message);
}

/** The confirmation's words: what releasing does, for the phone it does it to (null: not known here). */
export function releaseWords(phoneName: string | null): string {
  const phone = phoneName ? `phone '${phoneName}'` : 'your phone';
  return `CloudAgent frees the number mapped to ${phone}; a call still mapped to it is disconnected.`;
}

/** "Released 09845012345" (or that nothing was mapped). */
export function releasedWords(numbers: readonly string[]): string {
  return numbers.length === 0
    ? 'CloudAgent released the phone; no number was mapped to it.'
    : `Released ${numbers.join(', ')}`;
}
