import http from 'node:http';
import type { Transport } from '../../../electron/core/cloudagent/transport';
import { AppError } from '../../../shared/errors';

/**
 * The transport as it was before issue 17: one plain keep-alive agent, no replay rule, no idea how long a
 * pooled socket has been idle. The control that shows what the stale-connection rules fix.
 */
export function bareTransport(): Transport {
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 4, timeout: 30_000 });
  return {
    request: (req) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const headers = { ...req.headers };
        if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
        const r = http.request(req.url, { method: req.method, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: res.headers['content-type'],
              body: Buffer.concat(chunks).toString('utf8'),
              latencyMs: performance.now() - started,
              reusedSocket: r.reusedSocket,
            }),
          );
        });
        const timer = setTimeout(() => {
          r.destroy();
          reject(new AppError('Timeout', 'no answer'));
        }, req.timeoutMs);
        r.on('error', (e) => {
          clearTimeout(timer);
          reject(new AppError('Network', e.message));
        });
        r.on('close', () => clearTimeout(timer));
        r.end(req.body);
      }),
    warm: async () => true,
    reset: () => undefined,
    dispose: () => agent.destroy(),
    describe: async () => ({ route: { kind: 'direct', from: 'default' }, trust: { bundled: 0, system: 0 } }),
  };
}
