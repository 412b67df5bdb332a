import type { AppErrorShape } from '../../../shared/errors';

export interface SplitErrors {
  /** Messages keyed by the field's name inside `section` (e.g. "timeoutMs"). */
  fields: Record<string, string>;
  /** Whatever could not be tied to a field, for a form-level alert (null when everything was). */
  rest: string | null;
}

/**
 * Splits a typed error whose message names field paths ("patch.account.timeoutMs: Too small…; …", the
 * dispatcher's format) into per-field messages for one section, e.g. section "account" or "contact".
 */
export function splitFieldErrors(error: AppErrorShape, section: string): SplitErrors {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of error.message.split('; ')) {
    const m = /^([A-Za-z0-9_.]+): (.+)$/s.exec(part.trim());
    const path = m?.[1]?.replace(/^(patch|input)\./, '');
    const prefix = `${section}.`;
    if (m && path?.startsWith(prefix)) {
      const field = path.slice(prefix.length).split('.')[0] ?? '';
      if (field && !(field in fields)) fields[field] = sentence(m[2] ?? '');
      continue;
    }
    rest.push(part.trim());
  }
  const leftover = rest.filter(Boolean).join('; ');
  return { fields, rest: leftover === '' ? null : leftover };
}

function sentence(s: string): string {
  const t = s.trim();
  if (t === '') return 'This value is not accepted.';
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
