import { HistoryEntrySchema, type HistoryEntry } from '../../../shared/history';
import { redactClip } from '../redact';

export { HistoryEntrySchema, type HistoryEntry };

const STRING_FIELDS = ['ucid', 'action', 'participant', 'label', 'mode', 'message'] as const;

/**
 * The only way into the log: keeps the known fields (anything else is dropped, so a stray `apiKey`
 * property never reaches disk), redacts secret-looking text, clips long strings. Null when the entry
 * is not an entry at all.
 */
export function sanitizeEntry(input: unknown): HistoryEntry | null {
  if (typeof input !== 'object' || input === null) return null;
  const candidate: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const field of STRING_FIELDS) {
    const value = candidate[field];
    if (typeof value === 'string')
      // Defence in depth: an upstream message might echo a request. Redacted before it is clipped.
      candidate[field] = redactClip(value, field === 'message' ? 2000 : 200);
  }
  const parsed = HistoryEntrySchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
