/**
 * The CloudAgent client: one object per account that sends call control, Phone Manual Dial and the token
 * request, and turns every answer into a result or a typed error. Just over 300 lines because the request
 * path is one sequence — check the fields, take a credential, send once, read the body, and only then decide
 * whether one new token could help — and splitting it would separate the token budget from the answers that
 * spend it. Building requests, parsing, errors, tokens and transport live in their own modules beside it.
 */
import { performance } from 'node:perf_hooks';
import { AppError, isAppError } from '../../../shared/errors';
import { nullLogger, type Logger } from '../log';
import {
  buildCallControl,
  jsonPost,
  UCID_PATTERN,
  validateCallControl,
  type Credential,
  type PreparedRequest,
} from './call-control';
import { redact, rememberSecret } from '../redact';
import {
  badResponse,
  errorFromServer,
  isApiKeyMissingMessage,
  isTokenMissingMessage,
  MODE_REMEDY,
  tokenFormRemedy,
} from './errors';
import { checkConfig } from './config';
import { buildManualDial, validateManualDial } from './manual-dial';
import { buildReleasePhone, readReleasePhone, validateReleasePhone } from './release-phone';
import { decodeBody, expectSuccess, isSuccessStatus, readOutcome, textOf, type Outcome } from './parse';
import { checkRequired } from './required';
import { createTokenManager, TOKEN_BUDGET, type TokenManager } from './token-manager';
import { traceAnswer, traceRequest, type TraceSink } from './trace';
import { acquireAgent, httpRequest, releaseAgent, warmOrigin } from './transport';
import type {
  CallControlResult,
  CloudAgentClient,
  CloudAgentConfig,
  ManualDialResult,
  ReleasePhoneResult,
  SecretSource,
} from './types';

/** Why a fresh token is refused, and what to check; a third token would be refused the same way. */
const TOKEN_REFUSED_REMEDY =
  'Another app or process may be generating tokens for this user (each new one cancels the last), ' +
  'or the token form is wrong (Settings → Account → Token form; CLI --token-form).';

export const DEFAULT_TIMEOUT_MS = 8000;
export const GENERATE_TOKEN_PATH = '/ca_apis/CAToken/generateToken';

export interface CloudAgentDeps {
  secrets: SecretSource;
  /** Wall clock for token life and budget (tests pass a fake one). Latency uses a monotonic clock. */
  now?: () => number;
  log?: Logger;
  /** Sees every exchange, redacted (the diagnostic report). */
  trace?: TraceSink;
  /** Never generate a token beyond the first (doctor's second-opinion probes). */
  noRenewal?: boolean;
}

/**
 * The CloudAgent client in one of its three modes (legacy GET with api_key, basic POST with an apiKey
 * header, token POST with a Bearer token). Throws AppError InvalidInput at once for a bad configuration.
 * Every failure it reports is an AppError with api_key and token scrubbed out, except a caller's abort,
 * which rejects with the signal's reason (see transport.ts).
 */
/**
 * Phone Manual Dial succeeds only with a ucid in `message`: the reference lists refusals under `queued` as
 * well as `error`, so any answer without a well-formed ucid is a refusal, whatever its status says.
 */
function readManualDial(res: { status: number; contentType?: string; body: string }): Outcome {
  const outcome = readOutcome(decodeBody(res));
  if (isSuccessStatus(outcome.status) && UCID_PATTERN.test(outcome.message)) return outcome;
  throw errorFromServer(outcome.status, outcome.message);
}

export function createCloudAgentClient(config: CloudAgentConfig, deps: CloudAgentDeps): CloudAgentClient {
  const ctx = checkConfig(config);
  const origin = new URL(ctx.baseUrl).origin;
  const timeoutMs = config.timeoutMs || DEFAULT_TIMEOUT_MS;
  const log = deps.log ?? nullLogger;
  const { secrets } = deps;
  // Every secret this client has handled, so no message or log line can carry one. Each is also
  // remembered process-wide, so history, IPC results and logs mask it too (electron/core/redact).
  const seen = new Set<string>();
  const see = (secret: string): void => {
    seen.add(secret);
    rememberSecret(secret);
  };
  let disposed = false;
  // Requests under way keep the connection pool: a client replaced mid-request (the settings changed)
  // lets them finish, so an action CloudAgent carried out is not reported as failed.
  let inflight = 0;
  let released = false;
  const release = (): void => {
    if (released || !disposed || inflight > 0) return;
    released = true;
    releaseAgent(origin);
  };
  acquireAgent(origin);

  const tokens: TokenManager | null =
    ctx.mode === 'token'
      ? createTokenManager({ secrets, now: deps.now, log, generate: () => generateToken() })
      : null;

  const scrub = (text: string): string => redact(text, [...seen]);

  async function apiKey(): Promise<string> {
    const key = (await secrets.getApiKey())?.trim();
    if (!key) {
      throw new AppError(
        'NoApiKey',
        `No CloudAgent API key is stored${ctx.userName ? ` for ${ctx.userName}` : ''}.`,
      );
    }
    see(key);
    return key;
  }

  /** Sends one request, logs it (redacted), and reads the answer; returns the outcome and its latency. */
  async function exchange(
    prepared: PreparedRequest,
    label: string,
    read: (res: { status: number; contentType?: string; body: string }) => Outcome,
    signal?: AbortSignal,
  ): Promise<{ outcome: Outcome; latencyMs: number }> {
    const started = performance.now();
    const startedAt = Date.now();
    const url = scrub(prepared.url.toString());
    let httpStatus: number | undefined;
    let reused: boolean | undefined;
    let answer: { status: number; contentType?: string; body: string } | null = null;
    const traced = (reading: string, latencyMs: number): void => {
      if (!deps.trace) return;
      const secretsNow = [...seen];
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
    inflight += 1;
    try {
      const res = await httpRequest({ ...prepared, timeoutMs, signal });
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
    } finally {
      inflight -= 1;
      release();
    }
  }

  async function generateToken(): Promise<string> {
    checkRequired(ctx, 'token generation');
    const key = await apiKey();
    const prepared = jsonPost(ctx.baseUrl + GENERATE_TOKEN_PATH, { userName: ctx.userName }, { apiKey: key });
    let token = '';
    await exchange(prepared, 'generateToken', (res) => {
      const fields = decodeBody(res);
      token = textOf(fields.token);
      if (token) return { status: 'success', message: '', fields };
      const message = textOf(fields.message);
      if (!message) throw badResponse('CloudAgent answered generateToken without a token or a message.');
      throw errorFromServer(textOf(fields.status), message);
    });
    see(token);
    return token;
  }

  /**
   * Runs `send` with the mode's credential. Token mode renews a rejected token and retries once, but never
   * spends a second generation on one user action, and none on a refusal a new token cannot fix:
   * - the server answered as if no token was sent (`Token Should Not be Null or Empty.`): its form is wrong;
   * - the token was generated for this very action and is already refused: a newer one would be too.
   */
  async function authorised<T>(send: (cred: Credential) => Promise<T>): Promise<T> {
    if (!tokens) {
      const key = await apiKey();
      try {
        return await send({ apiKey: key });
      } catch (e) {
        // Without a token, a token complaint means the account is set to token authentication.
        if (!isAppError(e) || e.kind !== 'TokenExpired') throw e;
        throw new AppError('AuthFailed', e.message, MODE_REMEDY.token);
      }
    }
    const madeBefore = tokens.generated();
    const first = await tokens.token();
    see(first);
    const justMade = tokens.generated() > madeBefore;
    try {
      return await send({ token: first });
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (isApiKeyMissingMessage(e.message)) throw new AppError('AuthFailed', e.message, MODE_REMEDY.basic);
      if (e.kind !== 'TokenExpired') throw e;
      if (isTokenMissingMessage(e.message)) {
        throw new AppError(
          'AuthFailed',
          `CloudAgent did not read the token (it answered "${e.message}" although one was sent).`,
          tokenFormRemedy(ctx.tokenForm),
        );
      }
      if (justMade || deps.noRenewal) {
        throw new AppError(
          'AuthFailed',
          justMade
            ? `CloudAgent refused a token it had just issued ("${e.message}").`
            : `CloudAgent refused the token ("${e.message}"); this check does not generate another.`,
          `${TOKEN_REFUSED_REMEDY} No second token was generated.`,
        );
      }
      log.info('cloudagent token rejected; renewing it once and retrying', { reason: e.message });
      const second = await tokens.renew(first);
      see(second);
      try {
        return await send({ token: second });
      } catch (again) {
        // "Try again" would only spend another of the hour's ten generations on the same refusal.
        if (!isAppError(again) || again.kind !== 'TokenExpired') throw again;
        throw new AppError(
          'AuthFailed',
          `CloudAgent refused the new token too ("${again.message}").`,
          `${TOKEN_REFUSED_REMEDY} ConfBar generated one new token for this action and stops there.`,
        );
      }
    }
  }

  /** Public entry points run through here: no use after dispose, and every error leaves scrubbed. */
  async function guarded<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    if (disposed) throw new AppError('Internal', 'This CloudAgent client was disposed.');
    try {
      return await work();
    } catch (e) {
      if (signal?.aborted && e === signal.reason) throw e;
      if (isAppError(e)) {
        const message = scrub(e.message);
        const remedy = scrub(e.remedy);
        throw message === e.message && remedy === e.remedy ? e : new AppError(e.kind, message, remedy);
      }
      throw new AppError('Internal', scrub(e instanceof Error ? e.message : String(e)));
    }
  }

  return {
    callControl(req, opts = {}) {
      return guarded(opts.signal, async (): Promise<CallControlResult> => {
        const checked = validateCallControl(req, ctx);
        const { outcome, latencyMs } = await authorised((cred) =>
          exchange(
            buildCallControl(ctx, checked, cred),
            checked.action,
            (res) => expectSuccess(res),
            opts.signal,
          ),
        );
        // A success message is shown and kept too: scrubbed like an error (a server may echo the request).
        return {
          action: checked.action,
          status: scrub(outcome.status),
          message: scrub(outcome.message),
          ucid: textOf(outcome.fields.ucid) || checked.ucid,
          latencyMs,
        };
      });
    },

    manualDial(req, opts = {}) {
      return guarded(opts.signal, async (): Promise<ManualDialResult> => {
        const checked = validateManualDial(ctx, req);
        const { outcome, latencyMs } = await authorised((cred) =>
          exchange(
            buildManualDial(ctx, checked, cred),
            'PhoneManualDial',
            (res) => readManualDial(res),
            opts.signal,
          ),
        );
        return { status: scrub(outcome.status), ucid: outcome.message, message: outcome.message, latencyMs };
      });
    },

    releasePhone(opts = {}) {
      return guarded(opts.signal, async (): Promise<ReleasePhoneResult> => {
        validateReleasePhone(ctx);
        let numbers: string[] = [];
        const { outcome, latencyMs } = await authorised((cred) =>
          exchange(
            buildReleasePhone(ctx, cred),
            'ReleaseFwpNumber',
            (res) => {
              const read = readReleasePhone(res);
              numbers = read.numbers;
              return read;
            },
            opts.signal,
          ),
        );
        return { status: scrub(outcome.status), phoneName: ctx.agentPhoneName, numbers, latencyMs };
      });
    },

    async warm() {
      if (disposed) return;
      const ok = await warmOrigin(origin, timeoutMs);
      log.debug(`cloudagent warm-up ${origin} ${ok ? 'ok' : 'failed'}`, { origin, ok });
      // In token mode the first key press would otherwise also pay a generateToken round trip. This reuses a
      // cached token when one is valid, so it spends budget only when the first action would have anyway.
      // A client replaced meanwhile (the settings changed) must not spend a generation: the new token
      // would supersede the one its replacement is using.
      if (ok && tokens && !disposed && (await secrets.getApiKey()) && !disposed) {
        await tokens.token().catch((e: unknown) => {
          log.debug('cloudagent warm-up could not fetch a token', { error: scrub(String(e)) });
        });
      }
    },

    tokenBudget() {
      return tokens?.budget() ?? { used: 0, limit: TOKEN_BUDGET };
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      release();
    },
  };
}
