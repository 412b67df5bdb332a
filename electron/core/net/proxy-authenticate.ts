/**
 * The one reader of a proxy's `Proxy-Authenticate` headers (RFC 7235): which schemes it offers, and the
 * token a `Negotiate` challenge carries. A proxy may send several headers, and one header may hold several
 * challenges separated by commas (`Basic realm="a, b", Negotiate`).
 */

export interface Challenge {
  scheme: string;
  /** The token68 after the scheme (`Negotiate <token>`), when there is one. */
  token?: string;
}

const TCHAR = "[!#$%&'*+.^_`|~0-9A-Za-z-]";
/** `name=value`: an auth-param of the challenge before it, not a new scheme. */
const PARAM = new RegExp(`^\\s*${TCHAR}+\\s*=`);
const CHALLENGE = new RegExp(`^\\s*(${TCHAR}+)(?:\\s+(.*?))?\\s*$`);
const TOKEN68 = /^[A-Za-z0-9+/._~-]+=*$/;

export function parseChallenges(headers: string[]): Challenge[] {
  const out: Challenge[] = [];
  for (const item of headers.flatMap(splitOutsideQuotes)) {
    if (PARAM.test(item)) continue;
    const m = CHALLENGE.exec(item);
    if (!m) continue;
    const token = m[2] && TOKEN68.test(m[2]) ? m[2] : undefined;
    out.push(token ? { scheme: m[1]!, token } : { scheme: m[1]! });
  }
  return out;
}

/** The schemes offered, each once, as the proxy names them ("Negotiate", "NTLM", "Basic"). */
export function offeredSchemes(headers: string[]): string[] {
  return [...new Set(parseChallenges(headers).map((c) => c.scheme))];
}

/** The `Negotiate` challenge: its token, '' when bare, undefined when Negotiate is not offered. */
export function negotiateChallenge(headers: string[]): string | undefined {
  const found = parseChallenges(headers).find((c) => /^negotiate$/i.test(c.scheme));
  return found ? (found.token ?? '') : undefined;
}

function splitOutsideQuotes(header: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i]!;
    if (ch === '\\' && quoted) {
      current += ch + (header[++i] ?? '');
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.filter((s) => s.trim() !== '');
}
