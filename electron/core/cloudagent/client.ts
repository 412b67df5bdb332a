/**
 * The CloudAgent client: one object per account that sends call control and Phone Manual Dial and turns
 * every answer into a result or a typed error. The jobs live beside it: exchange.ts sends one request over
 * the injected transport (and logs/traces it), auth.ts holds the API key, the token and its renewal rule;
 * this file composes them into the actions and scrubs every error that leaves.
 */
import { AppError, isAppError } from '../../../shared/errors';
import { nullLogger, type Logger } from '../log';
import { buildCallControl, UCID_PATTERN, validateCallControl } from './call-control';
import { createAuth } from './auth';
import { errorFromServer } from './errors';
import { checkConfig } from './config';
import { createExchange, type Answer } from './exchange';
import { buildManualDial, validateManualDial } from './manual-dial';
import { buildReleasePhone, readReleasePhone, validateReleasePhone } from './release-phone';
import { decodeBody, expectSuccess, isSuccessStatus, readOutcome, textOf, type Outcome } from './parse';
import { createSeenSecrets } from './secrets-seen';
import { TOKEN_BUDGET } from './token-manager';
import type { TraceSink } from './trace';
import type { Transport } from './transport';
import type {
  CallControlResult,
  CloudAgentClient,
  CloudAgentConfig,
  ManualDialResult,
  ReleasePhoneResult,
  SecretSource,
} from './types';

export const DEFAULT_TIMEOUT_MS = 8000;

export interface CloudAgentDeps {
  secrets: SecretSource;
  /** How requests reach CloudAgent (route, trust, pooling): composed per process, shared by its clients. */
  transport: Transport;
  /** Wall clock for token life and budget (tests pass a fake one). Latency uses a monotonic clock. */
  now?: () => number;
  log?: Logger;
  /** Sees every exchange, redacted (the diagnostic report). */
  trace?: TraceSink;
  /** Never generate a token beyond the first (doctor's second-opinion probes). */
  noRenewal?: boolean;
}

/**
 * Phone Manual Dial succeeds only with a ucid in `message`: the reference lists refusals under `queued` as
 * well as `error`, so any answer without a well-formed ucid is a refusal, whatever its status says.
 */
function readManualDial(res: Answer): Outcome {
  const outcome = readOutcome(decodeBody(res));
  if (isSuccessStatus(outcome.status) && UCID_PATTERN.test(outcome.message)) return outcome;
  throw errorFromServer(outcome.status, outcome.message);
}

/**
 * The CloudAgent client in one of its three modes (legacy GET with api_key, basic POST with an apiKey
 * header, token POST with a Bearer token). Throws AppError InvalidInput at once for a bad configuration.
 * Every failure it reports is an AppError with api_key and token scrubbed out, except a caller's abort,
 * which rejects with the signal's reason (see electron/core/net/exchange.ts).
 */
export function createCloudAgentClient(config: CloudAgentConfig, deps: CloudAgentDeps): CloudAgentClient {
  const ctx = checkConfig(config);
  const origin = new URL(ctx.baseUrl).origin;
  const timeoutMs = config.timeoutMs || DEFAULT_TIMEOUT_MS;
  const log = deps.log ?? nullLogger;
  const { secrets, transport } = deps;
  const seen = createSeenSecrets();
  // Requests under way finish after dispose (the settings changed mid-request), so an action CloudAgent
  // carried out is not reported as failed; the transport belongs to the process, not to this client.
  let disposed = false;
  const exchange = createExchange({ transport, timeoutMs, log, trace: deps.trace, secrets: seen });
  const auth = createAuth({ ctx, secrets, seen, exchange, now: deps.now, log, noRenewal: deps.noRenewal });
  const { tokens } = auth;

  /** Public entry points run through here: no use after dispose, and every error leaves scrubbed. */
  async function guarded<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    if (disposed) throw new AppError('Internal', 'This CloudAgent client was disposed.');
    try {
      return await work();
    } catch (e) {
      if (signal?.aborted && e === signal.reason) throw e;
      if (isAppError(e)) {
        const message = seen.scrub(e.message);
        const remedy = seen.scrub(e.remedy);
        throw message === e.message && remedy === e.remedy ? e : new AppError(e.kind, message, remedy);
      }
      throw new AppError('Internal', seen.scrub(e instanceof Error ? e.message : String(e)));
    }
  }

  return {
    callControl(req, opts = {}) {
      return guarded(opts.signal, async (): Promise<CallControlResult> => {
        const checked = validateCallControl(req, ctx);
        const { outcome, latencyMs } = await auth.authorised((cred) =>
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
          status: seen.scrub(outcome.status),
          message: seen.scrub(outcome.message),
          ucid: textOf(outcome.fields.ucid) || checked.ucid,
          latencyMs,
        };
      });
    },

    manualDial(req, opts = {}) {
      return guarded(opts.signal, async (): Promise<ManualDialResult> => {
        const checked = validateManualDial(ctx, req);
        const { outcome, latencyMs } = await auth.authorised((cred) =>
          exchange(
            buildManualDial(ctx, checked, cred),
            'PhoneManualDial',
            (res) => readManualDial(res),
            opts.signal,
          ),
        );
        return {
          status: seen.scrub(outcome.status),
          ucid: outcome.message,
          message: outcome.message,
          latencyMs,
        };
      });
    },

    releasePhone(opts = {}) {
      return guarded(opts.signal, async (): Promise<ReleasePhoneResult> => {
        validateReleasePhone(ctx);
        let numbers: string[] = [];
        const { outcome, latencyMs } = await auth.authorised((cred) =>
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
        return { status: seen.scrub(outcome.status), phoneName: ctx.agentPhoneName, numbers, latencyMs };
      });
    },

    async warm() {
      if (disposed) return;
      const ok = await transport.warm(origin, timeoutMs);
      log.debug(`cloudagent warm-up ${origin} ${ok ? 'ok' : 'failed'}`, { origin, ok });
      // In token mode the first key press would otherwise also pay a generateToken round trip. This reuses a
      // cached token when one is valid, so it spends budget only when the first action would have anyway.
      // A client replaced meanwhile (the settings changed) must not spend a generation: the new token
      // would supersede the one its replacement is using.
      if (ok && tokens && !disposed && (await secrets.getApiKey()) && !disposed) {
        await tokens.token().catch((e: unknown) => {
          log.debug('cloudagent warm-up could not fetch a token', { error: seen.scrub(String(e)) });
        });
      }
    },

    tokenBudget() {
      return tokens?.budget() ?? { used: 0, limit: TOKEN_BUDGET };
    },

    async dispose() {
      disposed = true;
    },
  };
}
