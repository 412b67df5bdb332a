import { redact, redactClip } from '../redact';
import type { PreparedRequest } from './call-control';
import { bodyKind, type BodyKind } from './parse';

/** How much of each answer a diagnostic trace keeps. */
export const TRACE_ANSWER_BYTES = 2048;

/** One exchange with CloudAgent as a diagnostic trace shows it: everything redacted, nothing secret. */
export interface TraceExchange {
  /** What ConfBar was doing: an action (`UNHOLD`), `generateToken`, `PhoneManualDial`, a doctor probe. */
  label: string;
  method: string;
  /** Origin and path, as sent (the path's case matters to CloudAgent). */
  url: string;
  /** Query parameters, redacted. */
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The request body, redacted. */
  body: string;
  /** Null when no answer came (network failure, timeout). */
  httpStatus: number | null;
  contentType: string | null;
  bodyKind: BodyKind | null;
  /** The first 2 KB of the answer, redacted before it was cut. */
  answer: string;
  /** Wall-clock start (epoch ms) and duration. */
  startedAt: number;
  latencyMs: number;
  /** How ConfBar read the answer: `status "Success", message "..."`, or the error it became. */
  reading: string;
}

export type TraceSink = (exchange: TraceExchange) => void;

/** The request half of a trace entry, redacted with the secrets the client has handled. */
export function traceRequest(
  label: string,
  prepared: PreparedRequest,
  secrets: readonly string[],
): Pick<TraceExchange, 'label' | 'method' | 'url' | 'query' | 'headers' | 'body'> {
  const query: Record<string, string> = {};
  for (const [name, value] of prepared.url.searchParams) {
    query[name] = /^(api[_-]?key|token)$/i.test(name) ? '***' : redact(value, secrets);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(prepared.headers)) {
    headers[name] = /^(apikey|api[_-]key|authorization)$/i.test(name)
      ? value.replace(/^(bearer\s+)?.*$/i, (_m, bearer: string | undefined) => `${bearer ?? ''}***`)
      : redact(value, secrets);
  }
  return {
    label,
    method: prepared.method,
    url: redact(prepared.url.origin + prepared.url.pathname, secrets),
    query,
    headers,
    body: redact(prepared.body ?? '', secrets),
  };
}

/** The answer half: status, type, what the body is, and its first 2 KB. */
export function traceAnswer(
  res: { status: number; contentType?: string; body: string } | null,
  secrets: readonly string[],
): Pick<TraceExchange, 'httpStatus' | 'contentType' | 'bodyKind' | 'answer'> {
  if (!res) return { httpStatus: null, contentType: null, bodyKind: null, answer: '' };
  return {
    httpStatus: res.status,
    contentType: res.contentType ?? null,
    bodyKind: bodyKind(res.body),
    answer: redactClip(res.body, TRACE_ANSWER_BYTES, secrets),
  };
}
