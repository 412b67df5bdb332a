import { performance } from 'node:perf_hooks';
import { AppError, isAppError } from '../../../shared/errors';
import { nullLogger, type Logger } from '../log';
import {
  buildCallControl,
  jsonPost,
  validateCallControl,
  type Credential,
  type PreparedRequest,
} from './call-control';
import { badResponse, errorFromServer } from './errors';
import { checkConfig } from './config';
import { buildManualDial, validateManualDial } from './manual-dial';
import { decodeBody, expectSuccess, textOf, type Outcome } from './parse';
import { redactSecrets, redactUrl } from './redact';
import { createTokenManager, TOKEN_BUDGET, type TokenManager } from './token-manager';
import { acquireAgent, httpRequest, releaseAgent, warmOrigin } from './transport';
import type {
  CallControlResult,
  CloudAgentClient,
  CloudAgentConfig,
  ManualDialResult,
  SecretSource,
} from './types';

export const DEFAULT_TIMEOUT_MS = 8000;
export const GENERATE_TOKEN_PATH = '/ca_apis/CAToken/generateToken';

export interface CloudAgentDeps {
  secrets: SecretSource;
  /** Wall clock for token life and budget (tests pass a fake one). Latency uses a monotonic clock. */
  now?: () => number;
  log?: Logger;
}

/**
 * The CloudAgent client in one of its three modes (legacy GET with api_key, basic POST with an apiKey
 * header, token POST with a Bearer token). Throws AppError InvalidInput at once for a bad configuration.
 * Every failure it reports is an AppError with api_key and token scrubbed out, except a caller's abort,
 * which rejects with the signal's reason (see transport.ts).
 */
export function createCloudAgentClient(config: CloudAgentConfig, deps: CloudAgentDeps): CloudAgentClient {
  const ctx = checkConfig(config);
  const origin = new URL(ctx.baseUrl).origin;
  const timeoutMs = config.timeoutMs || DEFAULT_TIMEOUT_MS;
  const log = deps.log ?? nullLogger;
  const { secrets } = deps;
  // Every secret this client has handled, so no message or log line can carry one.
  const seen = new Set<string>();
  let disposed = false;
  acquireAgent(origin);

  const tokens: TokenManager | null =
    ctx.mode === 'token'
      ? createTokenManager({ secrets, now: deps.now, log, generate: () => generateToken() })
      : null;

  const scrub = (text: string): string => redactSecrets(text, [...seen]);

  async function apiKey(): Promise<string> {
    const key = (await secrets.getApiKey())?.trim();
    if (!key) {
      throw new AppError(
        'NoApiKey',
        `No CloudAgent API key is stored${ctx.userName ? ` for ${ctx.userName}` : ''}.`,
      );
    }
    seen.add(key);
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
    const url = scrub(redactUrl(prepared.url));
    let httpStatus: number | undefined;
    let reused: boolean | undefined;
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
      const res = await httpRequest({ ...prepared, timeoutMs, signal });
      httpStatus = res.status;
      reused = res.reusedSocket;
      const outcome = read(res);
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      record('info', 'ok', latencyMs);
      return { outcome, latencyMs };
    } catch (e) {
      const cancelled = signal?.aborted && e === signal.reason;
      record(
        'warn',
        cancelled ? 'cancelled' : isAppError(e) ? e.kind : 'Internal',
        performance.now() - started,
      );
      throw e;
    }
  }

  async function generateToken(): Promise<string> {
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
    seen.add(token);
    return token;
  }

  /** Runs `send` with the mode's credential; in token mode, one renewal and one retry on a rejected token. */
  async function authorised<T>(send: (cred: Credential) => Promise<T>): Promise<T> {
    if (!tokens) {
      const key = await apiKey();
      try {
        return await send({ apiKey: key });
      } catch (e) {
        // Without a token, a token complaint means the account is set to token authentication.
        if (!isAppError(e) || e.kind !== 'TokenExpired') throw e;
        throw new AppError(
          'AuthFailed',
          e.message,
          'This account uses token authentication: set the API mode to Token in Settings.',
        );
      }
    }
    const first = await tokens.token();
    seen.add(first);
    try {
      return await send({ token: first });
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'TokenExpired') throw e;
      log.info('cloudagent token rejected; renewing it once and retrying', { reason: e.message });
      const second = await tokens.renew(first);
      seen.add(second);
      return send({ token: second });
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
        const checked = validateCallControl(req);
        const { outcome, latencyMs } = await authorised((cred) =>
          exchange(
            buildCallControl(ctx, checked, cred),
            checked.action,
            (res) => expectSuccess(res),
            opts.signal,
          ),
        );
        return {
          action: checked.action,
          status: outcome.status,
          message: outcome.message,
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
            (res) => expectSuccess(res),
            opts.signal,
          ),
        );
        // CloudAgent puts the new call's ucid in `message`.
        const ucid = outcome.message;
        if (!/^\d+$/.test(ucid)) {
          throw badResponse(
            `Phone Manual Dial answered "${outcome.status}" without a ucid ("${ucid.slice(0, 40)}").`,
          );
        }
        return { status: outcome.status, ucid, message: outcome.message, latencyMs };
      });
    },

    async warm() {
      if (disposed) return;
      const ok = await warmOrigin(origin, timeoutMs);
      log.debug(`cloudagent warm-up ${origin} ${ok ? 'ok' : 'failed'}`, { origin, ok });
      // In token mode the first key press would otherwise also pay a generateToken round trip. This reuses a
      // cached token when one is valid, so it spends budget only when the first action would have anyway.
      if (ok && tokens && (await secrets.getApiKey())) {
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
      releaseAgent(origin);
    },
  };
}
