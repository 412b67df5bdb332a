import type { Reply } from './respond';
import type { RouteRequest } from './routes/context';

/** The credentials a request carried: the legacy `api_key`, the `apiKey` header or field, the token. */
function credentials(req: RouteRequest): string[] {
  const found = [req.query['api_key'], req.query['apiKey'], req.headers['apikey']];
  const bearer = /^(?:Bearer\s+)?(\S+)$/i.exec((req.headers['authorization'] ?? '').trim())?.[1];
  found.push(bearer);
  try {
    const body: unknown = JSON.parse(req.body);
    if (body && typeof body === 'object') found.push((body as Record<string, unknown>)['apiKey'] as string);
  } catch {
    // not JSON: nothing more to echo
  }
  return found.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

const swapCase = (s: string) =>
  [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/**
 * The answer with the request's credentials appended to its `message` (JSON or XML), swapped in case and
 * URL-encoded, as a server that echoes its input would. Other bodies are left as they are.
 */
export function echoCredentials(reply: Reply, req: RouteRequest): Reply {
  const echoed = credentials(req)
    .map((c) => `${swapCase(c)} ${encodeURIComponent(c)}`)
    .join(' ');
  if (!echoed) return reply;
  try {
    const value: unknown = JSON.parse(reply.body);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const fields = value as Record<string, unknown>;
      const message = typeof fields['message'] === 'string' ? fields['message'] : '';
      return { ...reply, body: JSON.stringify({ ...fields, message: `${message} (${echoed})`.trim() }) };
    }
  } catch {
    // not JSON: try XML below
  }
  const escaped = echoed.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return { ...reply, body: reply.body.replace('</message>', ` (${escaped})</message>`) };
}
