import { z } from 'zod';
import { ERROR_KINDS } from './errors';

/** One recorded conference action, as stored (JSON lines) and shown. Outcome is 'ok' or the ErrorKind shown. */
export const HistoryEntrySchema = z.object({
  at: z.number().int().nonnegative().max(8.64e15),
  ucid: z.string().min(1).max(100),
  action: z.string().min(1).max(60),
  participant: z.string().max(200).optional(),
  label: z.string().max(200).optional(),
  mode: z.string().max(30),
  outcome: z.enum(['ok', ...ERROR_KINDS]),
  message: z.string().max(2000),
  latencyMs: z.number().nonnegative().optional(),
  demo: z.boolean().optional(),
});

export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** One call in the history view. */
export interface SessionSummary {
  ucid: string;
  firstAt: number;
  lastAt: number;
  actions: number;
  failures: number;
  /** True when any action of the session ran in demo mode. */
  demo: boolean;
}
