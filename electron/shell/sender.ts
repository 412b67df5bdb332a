/**
 * Whether `url` is the app's own page: same scheme, host (with port) and path as `expected`, with no
 * credentials. Query and fragment are ignored (in-page state), anything else — another origin, another
 * file, `about:blank`, a data: URL, an empty or unparsable string — is not trusted.
 * Used both for IPC senders and for deciding whether a navigation stays on the page.
 */
export function isTrustedSender(url: unknown, expected: string): boolean {
  const actual = parse(url);
  const page = parse(expected);
  if (!actual || !page) return false;
  if (actual.username || actual.password) return false;
  return (
    actual.protocol === page.protocol &&
    actual.host.toLowerCase() === page.host.toLowerCase() &&
    samePath(actual.pathname, page.pathname)
  );
}

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

// A page served at "/" is the same page as "/index.html" on the app's own scheme and the dev server.
function samePath(a: string, b: string): boolean {
  const norm = (p: string) => (p === '' || p === '/' ? '/index.html' : p);
  return norm(a) === norm(b);
}
