/**
 * One HTTP exchange over a pool entry, reporting not just how it failed but how far it got: whether any
 * request byte can have left the machine, and whether the connection was a reused one. The transport's
 * replay rule (node-transport.ts) decides on those facts; this file never retries.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { SecureContext } from 'node:tls';
import { AppError, isAppError } from '../../../shared/errors';
import type { HttpRequest, HttpResponse } from '../cloudagent/transport';
import { networkFailure, proxyAnswerError, type FailureContext } from './failures';
import { failedPeerIssuer, taken, type PoolEntry } from './pool';

/** Answers bigger than this are not CloudAgent answers (they are a few hundred bytes). */
const MAX_BODY_BYTES = 1 << 20;

/** A failed attempt and how far it got. `error` is what the caller sees if nothing else is tried. */
export class AttemptFailure extends Error {
  constructor(
    readonly error: unknown,
    /** Some request byte may have left the machine (a reused socket, or a fresh one that was connected). */
    readonly wrote: boolean,
    readonly reused: boolean,
    /** Some byte of CloudAgent's answer had arrived. */
    readonly answered: boolean,
    /** The connection broke (reset, closed, hang-up) rather than timing out or being cancelled. */
    readonly connectionLost: boolean,
    /** The schemes of a proxy's 407 to CONNECT (nothing reached CloudAgent). */
    readonly proxyAsked?: string[],
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

const LOST = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

export function attempt(
  entry: PoolEntry,
  req: HttpRequest,
  secureContext: SecureContext | undefined,
  started = performance.now(),
  /** Called once the request is on a connected socket (its bytes can leave from now on). */
  onConnected?: () => void,
): Promise<HttpResponse> {
  const { url, signal } = req;
  if (signal?.aborted) return Promise.reject(new AttemptFailure(signal.reason, false, false, false, false));
  const client = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = { ...req.headers };
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
  const ctx: FailureContext = {
    target: url.host,
    route: entry.route,
    sentProxyLogin: entry.sentLogin,
    sentNegotiate: entry.negotiate,
  };
  let wrote = false;
  let reused = false;
  let answered = false;

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const fail = (error: unknown, lost = false): void => {
      const asked = ctx.proxyAnswer?.status === 407 ? ctx.proxyAnswer.authenticate : undefined;
      finish(() => reject(new AttemptFailure(error, wrote, reused, answered, lost, asked)));
    };

    const options: https.RequestOptions & { secureContext?: SecureContext } = {
      method: req.method,
      headers,
      agent: entry.agent,
    };
    if (secureContext) options.secureContext = secureContext;
    const request = client.request(url, options, (res) => {
      answered = true;
      if (ctx.proxyAnswer) {
        // https-proxy-agent replays the proxy's refusal as if it were the answer; nothing reached CloudAgent.
        wrote = false;
        res.resume();
        fail(proxyAnswerError({ ...ctx, proxyAnswer: ctx.proxyAnswer }));
        return;
      }
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
            reusedSocket: reused,
          }),
        ),
      );
      res.on('error', (err) => fail(networkFailure(err, ctx), true));
      res.on('aborted', () =>
        fail(networkFailure(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), ctx), true),
      );
    });

    request.on(
      'proxyConnect',
      (connect: { statusCode: number; headers: Record<string, string | string[]> }) => {
        ctx.reachedProxy = true;
        if (connect.statusCode !== 200) {
          const auth = connect.headers['proxy-authenticate'];
          ctx.proxyAnswer = { status: connect.statusCode, authenticate: auth ? [auth].flat() : [] };
        }
      },
    );
    // negotiate-tunnel.ts: the proxy's TCP connection is up (its own legs may still fail).
    request.on('proxyReached', () => {
      ctx.reachedProxy = true;
    });
    request.on('socket', (socket: Socket) => {
      taken(socket);
      reused = request.reusedSocket;
      const connected = (): void => {
        wrote = true;
        onConnected?.();
      };
      // A fresh socket writes nothing until it is connected (and, for TLS, the handshake is done).
      const encrypted = 'encrypted' in socket;
      if (reused || (!encrypted && !socket.connecting)) connected();
      else socket.once(encrypted ? 'secureConnect' : 'connect', connected);
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

    request.on('error', (err: Error & { code?: string }) => {
      ctx.peerIssuer = failedPeerIssuer.get(err);
      const lost = LOST.has(err.code ?? '') || err.message === 'socket hang up';
      // The Windows login's own failures (negotiate-tunnel.ts, kerberos-login.ts) are already in words.
      fail(isAppError(err) ? err : networkFailure(err, ctx), lost);
    });
    request.end(req.body);
  });
}

export function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
