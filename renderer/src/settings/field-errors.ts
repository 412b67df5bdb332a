import type { AppErrorShape } from '../../../shared/errors';

export interface SplitErrors {
  /** Messages keyed by the field's name inside `section` (e.g. "timeoutMs"). */
  fields: Record<string, string>;
  /** Whatever could not be tied to a field, for a form-level alert (null when everything was). */
  rest: string | null;
}

/**
 * Splits a typed error whose message names field paths into per-field messages for one form. Main words
 * them two ways: the contract check ("patch.account.timeoutMs: Too small: expected number to be >=1000")
 * and the settings store ("account.timeoutMs: must be at least 1000", or a bare "number: …" for a
 * contact). `bareFields` lists the field names accepted without the section prefix.
 */
export function splitFieldErrors(
  error: AppErrorShape,
  section: string,
  bareFields: readonly string[] = [],
): SplitErrors {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  // Problems are joined with '; ', but a message may contain '; ' too: split only where a path follows.
  for (const raw of error.message.split(/; (?=[A-Za-z0-9_.[\]]+: )/)) {
    const part = raw.trim();
    const m = /^([A-Za-z0-9_.[\]]+): (.+)$/s.exec(part);
    const path = m?.[1]?.replace(/^(patch|input)\./, '') ?? '';
    const field = path.startsWith(`${section}.`)
      ? (path.slice(section.length + 1).split(/[.[]/)[0] ?? '')
      : bareFields.includes(path)
        ? path
        : '';
    if (m && field !== '') {
      if (!(field in fields)) fields[field] = friendly(m[2] ?? '');
      continue;
    }
    if (part !== '') rest.push(part);
  }
  return { fields, rest: rest.length === 0 ? null : rest.join('; ') };
}

/** zod's default wording ("Too small: expected number to be >=1000") read as a sentence. */
function friendly(message: string): string {
  const t = message.trim();
  const small = /^Too small: expected \w+ to (?:be|have) >(=?)(\d+)/.exec(t);
  if (small) return small[1] === '=' ? `Must be at least ${small[2]}.` : `Must be more than ${small[2]}.`;
  const big = /^Too big: expected \w+ to (?:be|have) <(=?)(\d+)/.exec(t);
  if (big) return big[1] === '=' ? `Must be at most ${big[2]}.` : `Must be less than ${big[2]}.`;
  if (t === '') return 'This value is not accepted.';
  const s = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
