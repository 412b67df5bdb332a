/**
 * The one scrubber for secrets. Everything ConfBar keeps or shows — IPC results and events, history and its
 * CSV export, log lines, CLI output, the diagnostic trace — passes through here, so one list of rules
 * decides what is masked and how (always `***`).
 *
 * Two layers: the values of the api_key and tokens this process has handled (`rememberSecret`), found in any
 * letter case and in each encoding they travel in (as typed, `encodeURIComponent`, form/`URLSearchParams`,
 * JSON string escaping); and patterns for a credential we never saw ourselves (`api_key=...`, `apiKey:
 * ...`, `"token":"..."`, `Authorization: ...`, `Bearer ...`, JWT-shaped strings). Redact before truncating:
 * a secret cut in half is no longer recognisable.
 */
export const MASK = '***';

/** Shorter values are not masked: hiding every "a" would hide the message, not a secret. */
const MIN_SECRET_LENGTH = 4;
/** Tokens rotate (at most ten an hour); older ones stay masked, but memory stays bounded. */
const MAX_REMEMBERED = 256;

const remembered = new Set<string>();
let patternCache: { key: string; regex: RegExp | null } = { key: '', regex: null };

/** Marks a value as secret for every later redaction in this process (the client calls it for keys and tokens). */
export function rememberSecret(value: string | null | undefined): void {
  const secret = value?.trim();
  if (!secret || secret.length < MIN_SECRET_LENGTH || remembered.has(secret)) return;
  remembered.add(secret);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.values().next().value as string);
}

/** For tests: forget every remembered secret. */
export function forgetSecrets(): void {
  remembered.clear();
}

const SECRET_NAME = String.raw`api[_-]?key|access[_-]?token|refresh[_-]?token|token|password|secret`;
// Field names whose value is a secret wherever they appear in a structured value (logs, IPC results).
const SECRET_FIELD =
  /^(api[_-]?key|access[_-]?token|refresh[_-]?token|token|authorization|password|secret|cookie)$/i;

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // `?api_key=...`, `&token=...`, a form body `apiKey=...` (name matched whole, any case).
  [new RegExp(String.raw`(^|[?&;\s"'(])(${SECRET_NAME})=[^&#\s"']*`, 'gi'), `$1$2=${MASK}`],
  // `"apiKey":"..."`, `"token" : "..."` in a JSON dump.
  [new RegExp(String.raw`("(?:${SECRET_NAME}|authorization)"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'), `$1"${MASK}"`],
  // `apiKey: ...` / `api_key: ...` header lines; `Authorization: Bearer x` or the bare `Authorization: x`.
  [/\b(api[_-]?key\s*:\s*)[^\s"',;}]+/gi, `$1${MASK}`],
  // `Proxy-Authorization: Basic x` too (a proxy login's base64).
  [/\b(authorization\s*:\s*(?:(?:bearer|basic)\s+)?)[^\s"',;}]+/gi, `$1${MASK}`],
  [/\b(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${MASK}`],
  // A JWT (CloudAgent's tokens are "eyJ...") anywhere in free text.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+/g, MASK],
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The spellings a secret takes on the wire: as typed, percent-encoded, form-encoded, JSON-escaped. */
function encodings(secret: string): string[] {
  const form = new URLSearchParams({ v: secret }).toString().slice(2);
  const json = JSON.stringify(secret).slice(1, -1);
  return [secret, encodeURIComponent(secret), form, json, encodeURIComponent(encodeURIComponent(secret))];
}

function valueRegex(extra: ReadonlyArray<string | null | undefined>): RegExp | null {
  const all = new Set(remembered);
  for (const e of extra) {
    const s = e?.trim();
    if (s && s.length >= MIN_SECRET_LENGTH) all.add(s);
  }
  const key = [...all].join('\n');
  if (key === patternCache.key) return patternCache.regex;
  const forms = new Set<string>();
  for (const secret of all) for (const form of encodings(secret)) forms.add(form);
  // Longest first, so a secret's encoded form is not half-masked by a shorter match.
  const sorted = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const regex = sorted.length === 0 ? null : new RegExp(sorted.join('|'), 'gi');
  patternCache = { key, regex };
  return regex;
}

/**
 * Text with every secret masked: the remembered ones and `extra`, in any case and encoding, then anything
 * shaped like a credential. Ordinary prose ("Token Expired", "Invalid Token") is left alone.
 */
export function redact(text: string, extra: ReadonlyArray<string | null | undefined> = []): string {
  if (text === '') return text;
  const values = valueRegex(extra);
  let out = values ? text.replace(values, MASK) : text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Redacts, then clips to `max` characters (in that order). */
export function redactClip(
  text: string,
  max: number,
  extra?: ReadonlyArray<string | null | undefined>,
): string {
  const clean = redact(text, extra);
  return clean.length > max ? clean.slice(0, max) : clean;
}

const MAX_DEPTH = 8;

/**
 * A copy of a structured value safe to keep or show: secret-named fields become `***`, every string (Error
 * messages and stacks too) goes through `redact`. Cycles and very deep values are cut, never followed.
 */
export function redactValue(
  value: unknown,
  extra: ReadonlyArray<string | null | undefined> = [],
  depth = 0,
  seen: WeakSet<object> = new WeakSet(),
): unknown {
  if (typeof value === 'string') return redact(value, extra);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(redact(value.message, extra));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redact(value.stack, extra);
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, extra, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      SECRET_FIELD.test(k) && (typeof v === 'string' || typeof v === 'number')
        ? MASK
        : redactValue(v, extra, depth + 1, seen);
  }
  return out;
}
