import { AppError } from '../../../shared/errors';

const MIN_DIGITS = 6;
const MAX_DIGITS = 30;
// `ucid=123`, `"ucid": "123"`, `ucid: 123`, `/ucid/123` — whatever a CRM URL or JSON snippet carries.
const LABELLED = /ucid["'\s]*[:=/]\s*["']?(\d+)/i;
const DIGIT_RUNS = /\d+/g;

/**
 * The ucid inside whatever the agent pasted: the bare id, a CRM URL, or a JSON snippet naming `ucid`.
 * Throws InvalidInput saying what was wrong; never guesses between two candidate numbers.
 */
export function parseUcid(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new AppError('InvalidInput', 'Paste or type the ucid of the live call.');
  const labelled = LABELLED.exec(trimmed)?.[1];
  const candidate = labelled ?? onlyDigitRun(trimmed);
  if (!candidate) {
    throw new AppError(
      'InvalidInput',
      'No ucid found: paste the call id (digits) or a link or snippet containing "ucid".',
    );
  }
  if (candidate.length < MIN_DIGITS || candidate.length > MAX_DIGITS) {
    throw new AppError(
      'InvalidInput',
      `A ucid has ${MIN_DIGITS}–${MAX_DIGITS} digits; "${candidate.slice(0, 32)}" has ${candidate.length}.`,
    );
  }
  return candidate;
}

function onlyDigitRun(text: string): string | null {
  if (/^[\d\s-]+$/.test(text)) return text.replace(/\D/g, '');
  const runs = (text.match(DIGIT_RUNS) ?? []).filter((run) => run.length >= MIN_DIGITS);
  if (runs.length > 1) {
    throw new AppError('InvalidInput', 'That text holds several long numbers; paste just the ucid.');
  }
  return runs[0] ?? null;
}
