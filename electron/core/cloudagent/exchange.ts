/**
 * One CloudAgent exchange: sends a prepared request over the injected transport, reads the answer, and logs
 * and traces it (redacted). The transport decides whether a request may be re-sent (PreparedRequest.replay);
 * this never retries.
 */
import { performance } from 'node:perf_hooks';
import { isAppError } from '../../../shared/errors';
import type { Logger } from '../log';
import { redact } from '../redact';
import type { PreparedRequest } from './call-control';
import type { Outcome } from './parse';
import type { SeenSecrets } from './secrets-seen';
import { traceAnswer, traceRequest, type TraceSink } from './trace';
import type { Transport } from './transport';

export type Answer = { status: number; contentType?: string; body: string };
export type Exchange = (
  prepared: PreparedRequest,
  label: string,
  read: (res: Answer) => Outcome,
  signal?: AbortSignal,
) => Promise<{ outcome: Outcome; latencyMs: number }>;

export function createExchange(deps: {
  transport: Transport;
  timeoutMs: number;
  log: Logger;
  trace?: TraceSink;
  secrets: SeenSecrets;
}): Exchange {
  const { transport, timeoutMs, log, secrets } = deps;
  return async (prepared, label, read, signal) => {
    const started = performance.now();
    const startedAt = Date.now();
    const url = secrets.scrub(prepared.url.toString());
    let httpStatus: number | undefined;
    let reused: boolean | undefined;
    let answer: Answer | null = null;
    const traced = (reading: string, latencyMs: number): void => {
      if (!deps.trace) return;
      const secretsNow = secrets.all();
      deps.trace({
        ...traceRequest(label, prepared, secretsNow),
        ...traceAnswer(answer, secretsNow),
        startedAt,
        latencyMs: Math.round(latencyMs * 10) / 10,
        reading: redact(reading, secretsNow),
      });
    };
    // One line per request: what, where (redacted), how it ended and how long it took.
    const record = (level: 'info' | 'warn', outcome: string, latencyMs: number): void => {
      const ms = Math.round(latencyMs);
      log[level](`cloudagent ${label} ${outcome} in ${ms} ms`, {
        method: prepared.method,
        url,
        action: label,
        outcome,
        latencyMs: ms,
        httpStatus,
        reused,
      });
    };
    try {
      const res = await transport.request({ ...prepared, timeoutMs, signal });
      httpStatus = res.status;
      reused = res.reusedSocket;
      answer = res;
      const outcome = read(res);
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      record('info', 'ok', latencyMs);
      traced(`read as status "${outcome.status}", message "${outcome.message}"`, latencyMs);
      return { outcome, latencyMs };
    } catch (e) {
      const cancelled = signal?.aborted && e === signal.reason;
      const kind = cancelled ? 'cancelled' : isAppError(e) ? e.kind : 'Internal';
      record('warn', kind, performance.now() - started);
      traced(`read as ${kind}${isAppError(e) ? `: ${e.message}` : ''}`, performance.now() - started);
      throw e;
    }
  };
}
