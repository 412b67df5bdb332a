/** The custom URL scheme ConfBar registers with the OS (`confbar://…`). */
export const DEEP_LINK_SCHEME = 'confbar';

export type DeepLink = { kind: 'call'; ucid: string };

export type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; reason: string };

// Stricter than what the ucid field accepts from a paste: a link comes from another program, so it must
// carry the bare id and nothing we would have to guess about.
const UCID = /^\d{6,30}$/;
const MAX_LINK_LENGTH = 512;

/**
 * Reads a `confbar://` link. Accepts exactly `confbar://call/<ucid>` (optionally with one trailing slash)
 * and `confbar://call?ucid=<ucid>`; anything else (another host, extra segments, credentials, a port, a
 * fragment, several ucids, non-digits, `.`/`..` segments) is rejected with a reason that never echoes the
 * link.
 */
export function parseDeepLink(raw: unknown): DeepLinkResult {
  if (typeof raw !== 'string') return reject('the link is not text');
  if (raw.length > MAX_LINK_LENGTH) return reject('the link is too long');
  // Control characters or spaces would be silently stripped by the URL parser: refuse instead.
  if ([...raw].some((c) => c <= ' ' || c === '\u007f' || /\s/.test(c))) {
    return reject('the link contains spaces or control characters');
  }

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
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return reject(`the link is not a ${DEEP_LINK_SCHEME}:// link`);
  if (!raw.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) return reject('the link has no host');
  if (url.username || url.password || url.port) return reject('the link carries credentials or a port');
  if (url.hash) return reject('the link has a fragment');
  if (url.host.toLowerCase() !== 'call') return reject('only confbar://call links are supported');

  const fromPath = ucidFromPath(url.pathname);
  if (fromPath === undefined) return reject('the link has an unexpected path');
  const params = [...url.searchParams.keys()];
  const fromQuery = url.searchParams.getAll('ucid');

  if (fromPath !== null) {
    if (url.search !== '') return reject('the link has both a path and a query');
    return checkUcid(fromPath);
  }
  if (params.length !== 1 || fromQuery.length !== 1) return reject('the link must carry exactly one ucid');
  return checkUcid(fromQuery[0]!);
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
 * The deep link among a process's arguments (Windows and Linux pass it on the command line, also to the
 * second instance). Returns the first argument that names our scheme, whether or not it is valid, so the
 * caller can report a bad link rather than ignore it; null when there is none.
 */
export function findDeepLinkArg(argv: readonly string[]): string | null {
  const prefix = `${DEEP_LINK_SCHEME}:`;
  return argv.find((arg) => arg.toLowerCase().startsWith(prefix)) ?? null;
}
