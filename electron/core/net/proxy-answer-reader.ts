/**
 * Reads a proxy's answer to CONNECT off the socket, including a refusal's body, so the same connection can
 * carry the next leg of a login (negotiate-tunnel.ts). Bounded: a proxy that sends more than a CONNECT
 * answer's worth of bytes is refused rather than buffered.
 */
import type { Socket } from 'node:net';

const MAX_HEADER_BYTES = 64 * 1024;
const MAX_BODY_BYTES = 256 * 1024;

export interface ProxyAnswer {
  status: number;
  /** Lower-case names; every value of a repeated header. */
  headers: Record<string, string[]>;
  /** The connection cannot carry another CONNECT (the proxy closes it, or its body cannot be delimited). */
  closes: boolean;
  /** Bytes after the answer (after a 200: the start of the tunnel's traffic). */
  rest: Buffer;
}

export function readProxyAnswer(socket: Socket): Promise<ProxyAnswer> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    let head: Omit<ProxyAnswer, 'rest'> | undefined;
    let bodyLength = 0;
    let bodyStart = 0;

    const done = (fn: () => void): void => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.off('error', onError);
      socket.pause();
      fn();
    };
    const onError = (e: Error): void => done(() => reject(e));
    // Ended inside a refusal's body: the answer is known, the connection is not reusable.
    const onEnd = (): void => {
      const answer = head;
      done(() =>
        answer ? resolve({ ...answer, closes: true, rest: Buffer.alloc(0) }) : reject(endedEarly()),
      );
    };
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      if (!head) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end === -1) {
          if (buffered.length > MAX_HEADER_BYTES) done(() => reject(tooBig()));
          return;
        }
        const parsed = parseHead(buffered.subarray(0, end).toString('latin1'));
        if (!parsed)
          return done(() =>
            reject(Object.assign(new Error('unreadable CONNECT answer'), { code: 'EPROTO' })),
          );
        bodyStart = end + 4;
        const length = parsed.headers['content-length']?.[0];
        const chunked = /chunked/i.test(parsed.headers['transfer-encoding']?.join(',') ?? '');
        const closing = [
          ...(parsed.headers['connection'] ?? []),
          ...(parsed.headers['proxy-connection'] ?? []),
        ].some((v) => /close/i.test(v));
        if (parsed.status === 200) {
          head = { ...parsed, closes: false };
          bodyLength = 0;
        } else if (length !== undefined && /^\d+$/.test(length) && !chunked) {
          bodyLength = Number(length);
          if (bodyLength > MAX_BODY_BYTES) return done(() => reject(tooBig()));
          head = { ...parsed, closes: closing };
        } else {
          // No length to delimit the body: nothing more can be read from this connection for a next leg.
          const answer = { ...parsed, closes: true };
          return done(() => resolve({ ...answer, rest: Buffer.alloc(0) }));
        }
      }
      if (buffered.length - bodyStart >= bodyLength) {
        const answer = head;
        const rest = buffered.subarray(bodyStart + bodyLength);
        done(() => resolve({ ...answer, rest }));
      }
    };
    if (socket.destroyed) return reject(endedEarly());
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    socket.once('error', onError);
    socket.resume();
  });
}

function parseHead(text: string): { status: number; headers: Record<string, string[]> } | undefined {
  const [first, ...lines] = text.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(first ?? '');
  if (!m) return undefined;
  const headers: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  return { status: Number(m[1]), headers };
}

function endedEarly(): Error {
  return Object.assign(new Error('the proxy closed the connection before answering CONNECT'), {
    code: 'ECONNRESET',
  });
}

function tooBig(): Error {
  return Object.assign(new Error('the proxy sent more than a CONNECT answer'), { code: 'EPROTO' });
}
