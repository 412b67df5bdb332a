import { HistoryEntrySchema, type HistoryEntry } from '../../../shared/history';

export { HistoryEntrySchema, type HistoryEntry };

// Defence in depth: callers never pass secrets, but an upstream error message might echo a request.
// Prose like "Token: expired" is left alone; assignments, JSON members and `api_key: …` are not.
const SECRET_NAME = String.raw`api[_-]?key|access[_-]?token|token|password|secret`;
const QUERY_OR_FORM = new RegExp(String.raw`\b(${SECRET_NAME})=[^\s"'&,;]+`, 'gi');
const JSON_MEMBER = new RegExp(String.raw`"(${SECRET_NAME})"\s*:\s*"[^"]*"`, 'gi');
const API_KEY_HEADER = /\b(api[_-]?key)\s*:\s*[^\s"'&,;]+/gi;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi;

export function redact(text: string): string {
  return text
    .replace(QUERY_OR_FORM, '$1=[redacted]')
    .replace(JSON_MEMBER, '"$1":"[redacted]"')
    .replace(API_KEY_HEADER, '$1: [redacted]')
    .replace(BEARER, 'Bearer [redacted]');
}

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
      candidate[field] = redact(value).slice(0, field === 'message' ? 2000 : 200);
  }
  const parsed = HistoryEntrySchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
