import type { ServerResponse } from 'node:http';

/** What a route answers; the server turns it into bytes (or a fault replaces it). */
export interface Reply {
  status: number;
  contentType: string;
  body: string;
}

export function jsonReply(value: unknown, status = 200): Reply {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

/** What PHP labels every answer unless the script says otherwise; the legacy endpoints are PHP pages. */
export const PHP_CONTENT_TYPE = 'text/html; charset=UTF-8';

/** A legacy JSON answer: JSON, labelled the PHP way. */
export function legacyJsonReply(value: unknown): Reply {
  return { status: 200, contentType: PHP_CONTENT_TYPE, body: JSON.stringify(value) };
}

/**
 * The legacy endpoint's `output=xml` shape, as a public client reads it: an `<xml>` root holding the same
 * fields as the JSON body, labelled the PHP way.
 */
export function xmlReply(fields: Record<string, string>): Reply {
  const inner = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
  return {
    status: 200,
    contentType: PHP_CONTENT_TYPE,
    body: `<?xml version="1.0" encoding="UTF-8"?><xml>${inner}</xml>`,
  };
}

export function textReply(body: string, status = 200): Reply {
  return { status, contentType: 'text/plain; charset=utf-8', body };
}

/** A small HTML page, like the ones proxies and web servers answer with. */
export function htmlReply(status: number, title: string, detail: string): Reply {
  const body =
    `<!DOCTYPE html><html><head><title>${status} ${escapeXml(title)}</title></head>` +
    `<body><h1>${escapeXml(title)}</h1><p>${escapeXml(detail)}</p><hr><address>CloudAgent simulator</address></body></html>`;
  return { status, contentType: 'text/html; charset=utf-8', body };
}

export function send(res: ServerResponse, reply: Reply, headOnly = false): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(reply.status, {
    'Content-Type': reply.contentType,
    'Content-Length': Buffer.byteLength(reply.body),
  });
  res.end(headOnly ? undefined : reply.body);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
