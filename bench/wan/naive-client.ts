import https from 'node:https';
import { performance } from 'node:perf_hooks';

/**
 * What a script with curl does for each action: a new TCP connection, a full TLS handshake (no session
 * reuse: each curl run starts empty), one request, close.
 */
export function naiveRequest(opts: {
  url: string;
  ca: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** A keep-alive agent instead: the link's own floor (one round trip plus the relay's overhead). */
  agent?: https.Agent;
}): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = https.request(
      opts.url,
      {
        method: opts.method,
        agent: opts.agent ?? false,
        ca: opts.ca,
        headers: {
          ...opts.headers,
          ...(opts.agent ? {} : { Connection: 'close' }),
          ...(opts.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(opts.body)) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
