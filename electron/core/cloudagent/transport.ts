import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { AppError } from '../../../shared/errors';

export type HttpMethod = 'GET' | 'POST' | 'HEAD';

export interface HttpRequest {
  method: HttpMethod;
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  contentType?: string;
  body: string;
  /** Milliseconds from handing the request to Node until the last byte of the body. */
  latencyMs: number;
  /** Whether the request went over an already-open pooled connection. */
  reusedSocket: boolean;
}

/** Answers bigger than this are not CloudAgent answers (they are a few hundred bytes). */
const MAX_BODY_BYTES = 1 << 20;
/** Idle pooled sockets close after this, or earlier when the server's Keep-Alive hint says so. */
const IDLE_SOCKET_MS = 30_000;

interface PoolEntry {
  agent: http.Agent;
  refs: number;
}

// One keep-alive agent per origin, shared by every client talking to it, so the app and a warm-up share
// the TLS connection instead of each client paying its own handshake.
const pool = new Map<string, PoolEntry>();

// Only `npm run bench` sets this: its loopback TLS link uses a CA it generated for the run.
let extraCa: string | undefined;

/**
 * Trusts `pem`, and only it, as the certificate authority for origins first used after this call. For the
 * benchmark's self-signed loopback link only; the app and the CLI never call it. (Adding Node's bundled
 * roots too would make every TLS connection parse ~140 certificates: a cost the app itself never pays.)
 */
export function trustExtraCaForBenchmark(pem: string | undefined): void {
  extraCa = pem;
}

function createAgent(protocol: string): http.Agent {
  const options = { keepAlive: true, maxFreeSockets: 4, timeout: IDLE_SOCKET_MS };
  if (protocol !== 'https:') return new http.Agent(options);
  return new https.Agent(extraCa ? { ...options, ca: extraCa } : options);
}

/** Takes a reference on the origin's agent; pair with releaseAgent. */
export function acquireAgent(origin: string): void {
  const entry = pool.get(origin);
  if (entry) entry.refs += 1;
  else pool.set(origin, { agent: createAgent(new URL(origin).protocol), refs: 1 });
}

/** Drops a reference; the last one out closes the origin's sockets. */
export function releaseAgent(origin: string): void {
  const entry = pool.get(origin);
  if (!entry) return;
  entry.refs -= 1;
  if (entry.refs <= 0) {
    entry.agent.destroy();
    pool.delete(origin);
  }
}

function agentFor(url: URL): http.Agent {
  let entry = pool.get(url.origin);
  if (!entry) {
    // A request without a client holding a reference (e.g. a one-off probe) still gets pooling.
    entry = { agent: createAgent(url.protocol), refs: 0 };
    pool.set(url.origin, entry);
  }
  return entry.agent;
}

/**
 * One HTTP exchange over the origin's pooled agent.
 * - No answer within `timeoutMs` (connect to last byte) → AppError `Timeout`; the socket is dropped.
 * - Connection refused / reset / DNS / TLS failure → AppError `Network` (origin only, never the query).
 * - The caller's AbortSignal fires → rejects with `signal.reason`, the usual AbortSignal convention
 *   (as fetch does): only the caller knows why it cancelled, so it is not dressed up as a network error.
 * Never retries: CONFERENCE and KICK_CALL are not idempotent.
 */
export function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const { url, signal } = req;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const client = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = { ...req.headers };
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));

  return new Promise<HttpResponse>((resolve, reject) => {
    const started = performance.now();
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const fail = (err: unknown): void => finish(() => reject(err));

    const request = client.request(url, { method: req.method, headers, agent: agentFor(url) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          fail(new AppError('BadResponse', `CloudAgent's answer is larger than ${MAX_BODY_BYTES} bytes.`));
          request.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        finish(() =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
            latencyMs: performance.now() - started,
            reusedSocket: request.reusedSocket,
          }),
        ),
      );
      res.on('error', (err) => fail(networkError(err, url)));
      res.on('aborted', () =>
        fail(networkError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), url)),
      );
    });

    const timer = setTimeout(() => {
      fail(new AppError('Timeout', `CloudAgent did not answer within ${formatMs(req.timeoutMs)}.`));
      request.destroy();
    }, req.timeoutMs);
    const onAbort = (): void => {
      fail(signal?.reason);
      request.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    request.on('error', (err) => fail(networkError(err, url)));
    request.end(req.body);
  });
}

/**
 * Opens (or keeps) a pooled connection to the origin with `HEAD /`, so the first real action does not
 * pay for DNS, TCP and TLS. Any answer will do, and failure is only a missed optimisation: never throws.
 */
export async function warmOrigin(origin: string, timeoutMs: number): Promise<boolean> {
  try {
    await httpRequest({ method: 'HEAD', url: new URL('/', origin), timeoutMs });
    return true;
  } catch {
    return false;
  }
}

function networkError(err: Error & { code?: string }, url: URL): AppError {
  const where = url.host;
  switch (err.code) {
    case 'ECONNREFUSED':
      return new AppError('Network', `Could not connect to ${where} (connection refused).`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new AppError('Network', `The connection to ${where} was reset before CloudAgent answered.`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('Network', `Could not find ${where} (DNS lookup failed).`);
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return new AppError('Network', `Could not reach ${where} (${err.code}).`);
    default:
      if (err.code?.startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(err.message)) {
        return new AppError(
          'Network',
          `The secure connection to ${where} failed (${err.code ?? err.message}).`,
        );
      }
      if (err.message === 'socket hang up') {
        return new AppError('Network', `The connection to ${where} closed before CloudAgent answered.`);
      }
      return new AppError('Network', `Talking to ${where} failed (${err.code ?? err.message}).`);
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
