import { extensionGuidance, normalizeNumber, type NormalizeResult, type Region } from '../../shared/phone';
import { uuiReason } from '../../shared/phone-line';

/** The custom URL scheme ConfBar registers with the OS (`confbar://…`). */
export const DEEP_LINK_SCHEME = 'confbar';

/**
 * The phone-link schemes ConfBar asks the OS for when the agent opts in (behaviour.phoneLinks). `sip:` is
 * read when a program hands it over but never claimed: the agent's softphone owns it.
 */
export const PHONE_LINK_SCHEMES = ['tel', 'callto'] as const;
const NUMBER_SCHEMES = new Set(['tel', 'callto', 'sip', 'sips']);

/** A number as a link wrote it, before the region's rules (readLinkNumber) turn it into what is dialled. */
export interface LinkNumber {
  /** `+919811112222` or `9811112222` (visual separators gone), or `user@host` when `sip`. */
  text: string;
  sip: boolean;
  /** `;ext=12`: CloudAgent cannot dial it, so it is refused with guidance rather than dropped. */
  extension: string | null;
}

export type DeepLink =
  | { kind: 'call'; ucid: string; add?: { number: LinkNumber; label: string | null } }
  | { kind: 'number'; scheme: 'tel' | 'callto' | 'sip'; number: LinkNumber }
  | { kind: 'dial'; number: LinkNumber; reference: string | null };

export type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; reason: string };

// Stricter than what the ucid field accepts from a paste: a link comes from another program, so it must
// carry the bare id and nothing we would have to guess about.
const UCID = /^\d{6,30}$/;
const MAX_LINK_LENGTH = 512;
const MAX_LABEL = 60;
// Characters that would make a name or reference lie about itself on screen (controls, bidi overrides).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Reads a link another program hands ConfBar. Accepts exactly:
 * - `confbar://call/<ucid>` (optionally with one trailing slash), `confbar://call?ucid=<ucid>`, and
 *   `confbar://call/<ucid>?add=<number>[&label=<name>]`;
 * - `confbar://dial?number=<number>[&uui=<reference>]`;
 * - `tel:` and `callto:` numbers as RFC 3966 and CRMs write them (`tel:+91-98111-12222`,
 *   `tel:98111-12222;phone-context=+91`, visual separators, percent-encoding, `;ext=`), and `sip:user@host`.
 * Anything else (another host, extra segments, credentials, a port, a fragment, several ucids, non-digits,
 * `.`/`..` segments, unknown parameters) is rejected with a reason that never echoes the link.
 */
export function parseDeepLink(raw: unknown): DeepLinkResult {
  if (typeof raw !== 'string') return reject('the link is not text');
  if (raw.length > MAX_LINK_LENGTH) return reject('the link is too long');
  // Control characters or spaces would be silently stripped by the URL parser: refuse instead.
  if ([...raw].some((c) => c <= ' ' || c === '\u007f' || /\s/.test(c))) {
    return reject('the link contains spaces or control characters');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== undefined && NUMBER_SCHEMES.has(scheme))
    return parsePhoneLink(raw.slice(scheme.length + 1), scheme);

  // The URL parser resolves `.`/`..` segments (also %2e-encoded) before we see the path, so
  // `call/x/../123456` would read as `call/123456`: refuse them, and backslashes, on the raw text.
  if (/%2e/i.test(raw) || raw.includes('\\') || /\/\.{1,2}(?=[/?#]|$)/.test(raw)) {
    return reject('the link contains dot segments');
  }

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return reject('the link is not a valid URL');
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`)
    return reject(`the link is not a ${DEEP_LINK_SCHEME}://, tel: or callto: link`);
  if (!raw.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) return reject('the link has no host');
  if (url.username || url.password || url.port) return reject('the link carries credentials or a port');
  if (url.hash) return reject('the link has a fragment');
  const host = url.host.toLowerCase();
  if (host === 'dial') return parseDialLink(url);
  if (host !== 'call') return reject('only confbar://call and confbar://dial links are supported');

  const fromPath = ucidFromPath(url.pathname);
  if (fromPath === undefined) return reject('the link has an unexpected path');
  if (fromPath !== null) {
    if (url.search === '') return checkUcid(fromPath);
    // The one query a path may carry: a number to add to that call, and its name.
    const query = readQuery(url.search, ['add', 'label']);
    if (!query.ok) return query.result;
    const { add, label } = query.values;
    if (add === undefined) return reject('the link has both a path and a query');
    const number = readNumberText(add);
    if (!number.ok) return number.result;
    const name = label === undefined ? null : readText(label, MAX_LABEL, 'label');
    if (name !== null && typeof name !== 'string') return name;
    const call = checkUcid(fromPath);
    if (!call.ok || call.link.kind !== 'call') return call;
    return {
      ok: true,
      link: { kind: 'call', ucid: call.link.ucid, add: { number: number.value, label: name } },
    };
  }
  const params = [...url.searchParams.keys()];
  const fromQuery = url.searchParams.getAll('ucid');
  if (params.length !== 1 || fromQuery.length !== 1) return reject('the link must carry exactly one ucid');
  return checkUcid(fromQuery[0]!);
}

/** `confbar://dial?number=<number>[&uui=<reference>]`: prefills Start call (Phone Manual Dial). */
function parseDialLink(url: URL): DeepLinkResult {
  if (url.pathname !== '' && url.pathname !== '/') return reject('the link has an unexpected path');
  const query = readQuery(url.search, ['number', 'uui']);
  if (!query.ok) return query.result;
  const { number: text, uui } = query.values;
  if (text === undefined) return reject('the link carries no number');
  const number = readNumberText(text);
  if (!number.ok) return number.result;
  const reference = uui === undefined ? null : readText(uui, 1000, 'reference (uui)');
  if (reference !== null && typeof reference !== 'string') return reference;
  // The rule Start call sends by: a link cannot prefill a reference that Start call would then refuse.
  const problem = reference === null ? null : uuiReason(reference);
  if (problem) return reject(problem);
  return { ok: true, link: { kind: 'dial', number: number.value, reference } };
}

/** A tel:, callto: or sip: link's body (after the scheme's colon), per RFC 3966 / RFC 3261. */
function parsePhoneLink(body: string, scheme: string): DeepLinkResult {
  // Skype-era callto://+91… writes slashes the RFCs never had.
  const rest = scheme === 'callto' && body.startsWith('//') ? body.slice(2) : body;
  if (rest.includes('?') || rest.includes('#')) return reject('the link has a query or a fragment');
  const [first = '', ...params] = rest.split(';');
  if (scheme === 'sip' || scheme === 'sips') return parseSip(first);

  const seen = new Map<string, string>();
  for (const param of params) {
    const eq = param.indexOf('=');
    const name = (eq < 0 ? param : param.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : decode(param.slice(eq + 1));
    if (value === null) return reject('the link has broken percent-encoding');
    if (seen.has(name)) return reject('the link repeats a parameter');
    seen.set(name, value);
  }
  for (const name of seen.keys()) {
    if (name === 'isub') return reject('the link names an ISDN subaddress, which CloudAgent cannot dial');
    if (name !== 'ext' && name !== 'phone-context') return reject('the link has an unknown parameter');
  }

  let extension: string | null = null;
  const ext = seen.get('ext');
  if (ext !== undefined) {
    extension = ext.replace(/[-.()]/g, '');
    if (!/^\d{1,10}$/.test(extension)) return reject('the extension must be digits');
  }
  const decoded = decode(first);
  if (decoded === null) return reject('the link has broken percent-encoding');
  let text = decoded;
  const context = seen.get('phone-context');
  // A local number's context: `+91` makes it global; a domain name adds nothing the region's rules need.
  if (context !== undefined && !text.trim().startsWith('+')) {
    if (/^\+[\d\-.()]+$/.test(context)) text = `${context.replace(/[-.()]/g, '')}${text}`;
    else if (!/^[A-Za-z0-9.-]{1,253}$/.test(context))
      return reject('the phone-context is neither +digits nor a domain');
  }
  const number = readNumberText(text);
  if (!number.ok) return number.result;
  const kind = scheme === 'callto' ? 'callto' : 'tel';
  return { ok: true, link: { kind: 'number', scheme: kind, number: { ...number.value, extension } } };
}

function parseSip(first: string): DeepLinkResult {
  const address = decode(first);
  if (address === null) return reject('the link has broken percent-encoding');
  // user@host[:port]; the rules for what CloudAgent takes are normalizeNumber's (sip: true).
  if (!/^[^@\s]{1,64}@[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/.test(address) || UNPRINTABLE.test(address))
    return reject('the link is not a SIP address (sip:user@host)');
  return {
    ok: true,
    link: { kind: 'number', scheme: 'sip', number: { text: address, sip: true, extension: null } },
  };
}

type Read<T> = { ok: true; value: T } | { ok: false; result: DeepLinkResult };

/**
 * A number's text as a link wrote it: digits, one leading +, and RFC 3966's visual separators (`-.()` and
 * spaces written as %20), which are dropped. Whether it is a number the region can dial is
 * readLinkNumber's question (the one number reader, shared/phone.ts).
 */
function readNumberText(text: string): Read<LinkNumber> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, result: reject('the link carries no number') };
  if (/[A-Za-z]/.test(trimmed))
    return { ok: false, result: reject('the link is not a phone number (it has letters)') };
  if (!/^\+?[\d\-.() ]+$/.test(trimmed))
    return { ok: false, result: reject('the link is not a phone number (it has characters numbers do not)') };
  const compact = trimmed.replace(/[-.() ]/g, '');
  if (!/^\+?\d{3,20}$/.test(compact))
    return { ok: false, result: reject('the link is not a phone number (3 to 20 digits)') };
  return { ok: true, value: { text: compact, sip: false, extension: null } };
}

/** A query whose names are all `allowed`, each at most once, values percent-decoded (`+` stays `+`). */
function readQuery(
  search: string,
  allowed: readonly string[],
): { ok: true; values: Record<string, string | undefined> } | { ok: false; result: DeepLinkResult } {
  const values: Record<string, string | undefined> = {};
  const body = search.startsWith('?') ? search.slice(1) : search;
  if (body === '') return { ok: true, values };
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!allowed.includes(name)) return { ok: false, result: reject('the link has an unexpected query') };
    if (values[name] !== undefined) return { ok: false, result: reject('the link repeats a parameter') };
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (value === null) return { ok: false, result: reject('the link has broken percent-encoding') };
    values[name] = value;
  }
  return { ok: true, values };
}

/** A name or reference: trimmed, 1 to `max` printable characters; otherwise the refusal. */
function readText(value: string, max: number, what: string): string | DeepLinkResult {
  const text = value.trim();
  if (text === '' || text.length > max || UNPRINTABLE.test(text))
    return reject(`the ${what} must be 1 to ${max} printable characters`);
  return text;
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The ucid from `/123456` or `/123456/`; null for no path; undefined for any other path. */
function ucidFromPath(pathname: string): string | null | undefined {
  if (pathname === '' || pathname === '/') return null;
  const m = /^\/([^/]+)\/?$/.exec(pathname);
  return m ? m[1] : undefined;
}

function checkUcid(ucid: string): DeepLinkResult {
  if (!UCID.test(ucid)) return reject('the ucid must be 6 to 30 digits');
  return { ok: true, link: { kind: 'call', ucid } };
}

function reject(reason: string): DeepLinkResult {
  return { ok: false, reason };
}

/**
 * What a link's number dials in `region`, by the same rules as the add field (shared/phone.ts), or why it
 * cannot be dialled in words; an extension gets the add field's guidance.
 */
export function readLinkNumber(number: LinkNumber, region: Region): NormalizeResult {
  if (number.extension !== null)
    return { ok: false, message: extensionGuidance(number.text, number.extension) };
  return normalizeNumber(number.text, region, { sip: number.sip });
}

/** A link's scheme in words for a message: `tel:`, `callto:`, `sip:` or `confbar://`. */
export function linkSchemeName(raw: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'sips') return 'sip:';
  return scheme !== undefined && NUMBER_SCHEMES.has(scheme) ? `${scheme}:` : `${DEEP_LINK_SCHEME}://`;
}

/**
 * The link among a process's arguments (Windows and Linux pass it on the command line, also to the
 * second instance): confbar://, tel:, callto: or sip:. Returns the first argument that names one of these
 * schemes, whether or not it is valid, so the caller can report a bad link rather than ignore it; null
 * when there is none.
 */
export function findDeepLinkArg(argv: readonly string[]): string | null {
  const prefixes = [`${DEEP_LINK_SCHEME}:`, ...[...NUMBER_SCHEMES].map((s) => `${s}:`)];
  return argv.find((arg) => prefixes.some((p) => arg.toLowerCase().startsWith(p))) ?? null;
}
