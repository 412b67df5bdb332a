import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { normalizeNumber, type Region } from '../../../shared/phone';
import type { RecentNumber } from '../../../shared/settings';
import { formatIssues } from './issues';

export const RECENT_CAP = 20;

const RecentInputSchema = z.object({
  number: z.string().trim().min(1).max(80),
  label: z.string().trim().max(60).optional(),
  sip: z.boolean(),
});

export type RecentInput = z.input<typeof RecentInputSchema>;

function key(number: string, sip: boolean, region: Region): string {
  if (sip) return `sip:${number.toLowerCase().replace(/^sips?:/, '')}`;
  const n = normalizeNumber(number, region);
  return n.ok ? n.value : number.replace(/\D/g, '');
}

/**
 * Records a dialled number: most recent first, one entry per number however it was typed, at most
 * RECENT_CAP. A label given earlier survives a later push without one.
 */
export function pushRecent(
  recent: readonly RecentNumber[],
  input: unknown,
  region: Region,
  at: number,
): RecentNumber[] {
  const parsed = RecentInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('InvalidInput', formatIssues(parsed.error.issues));
  const { number, sip } = parsed.data;
  const k = key(number, sip, region);
  const previous = recent.find((r) => key(r.number, r.sip, region) === k);
  const label = parsed.data.label || previous?.label;
  const entry: RecentNumber = label ? { number, label, sip, at } : { number, sip, at };
  return [entry, ...recent.filter((r) => key(r.number, r.sip, region) !== k)].slice(0, RECENT_CAP);
}
