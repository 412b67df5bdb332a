import { redactUrl } from '../core/cloudagent/redact';

const SECRET_KEY =
  /^(api[_-]?key|apikey|token|access[_-]?token|refresh[_-]?token|authorization|password|secret|cookie)$/i;
// `Bearer eyJ…`, `apiKey: abc`, `"token":"abc"`, `api_key=abc` in free text (a header dump, a JSON body).
const SECRET_TEXT = [
  /(\bBearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /(["']?\b(?:api[_-]?key|apikey|token|authorization|password)\b["']?\s*[:=]\s*["']?)[^"'\s&,;}]+/gi,
];
const MAX_DEPTH = 6;

/** Free text with credentials masked: URL parameters, bearer tokens and `key: value` pairs. */
export function redactText(text: string): string {
  let out = redactUrl(text);
  for (const pattern of SECRET_TEXT) out = out.replace(pattern, '$1***');
  return out;
}

/**
 * A copy of a log argument safe to write: secret-named fields become `***`, strings (and Error messages
 * and stacks) are passed through `redactText`. Cycles and very deep values are cut, never followed.
 * The last line of defence: callers should not log secrets in the first place.
 */
export function redactLogValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => redactLogValue(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) ? '***' : redactLogValue(v, depth + 1, seen);
  }
  return out;
}
