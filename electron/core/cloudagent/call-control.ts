import { ACTIONS, type Action, type ApiMode, type OutputFormat } from '../../../shared/cloudagent';
import type { Replay } from './transport';
import type { CallControlRequest, TokenForm } from './types';
import { invalidInput } from './errors';
import { checkRequired, MissingSettingError } from './required';

/** A request ready for the transport, before anything is sent. */
export interface PreparedRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Whether the transport may send it again after its bytes left (transport.ts explains the rule). */
  replay: Replay;
}

/** Dials and kicks change who is on the call: sending one twice could ring a number twice. */
const NEVER_REPLAYED: ReadonlySet<Action> = new Set<Action>(['CONFERENCE', 'KICK_CALL']);

export function replayOf(action: Action): Replay {
  return NEVER_REPLAYED.has(action) ? 'never' : 'once';
}

/** How a request is authorised: the api_key (legacy and basic) or a token (token mode). */
export type Credential = { apiKey: string; token?: undefined } | { token: string; apiKey?: undefined };

/** What the request builders need from the configuration. */
export interface RequestContext {
  baseUrl: string;
  mode: ApiMode;
  userName: string;
  did: string;
  agentPhoneName: string;
  output: OutputFormat;
  tokenForm: TokenForm;
}

/** CloudAgent's success message for each action (CONFERENCE from the new API; the rest documented for legacy). */
export const CALL_CONTROL_MESSAGES: Record<Action, string> = {
  CONFERENCE: 'dialing',
  HOLD: 'User hold is successful',
  UNHOLD: 'Call is Un-hold successfully',
  MUTE: 'call got mute successfully',
  UNMUTE: 'unmute success',
  KICK_CALL: 'call got disconnected',
};

export const LEGACY_CALL_CONTROL_PATH = '/callcontrol_v4.php';
export const CALL_CONTROL_PATH = '/ca_apis/CallControl_V4';

/** A well-formed ucid: digits only (CloudAgent's are long digit strings). */
export const UCID_PATTERN = /^\d{6,40}$/;

/**
 * Checks a call-control request before anything is sent; returns it trimmed. With `ctx`, also the account
 * fields the mode needs. Throws AppError InvalidInput (MissingSettingError for an empty mandatory field).
 */
export function validateCallControl(req: CallControlRequest, ctx?: RequestContext): CallControlRequest {
  if (!(ACTIONS as readonly string[]).includes(req.action)) {
    throw invalidInput(`Unknown action "${String(req.action)}" (expected one of ${ACTIONS.join(', ')}).`);
  }
  const ucid = String(req.ucid ?? '').trim();
  if (ucid === '') throw new MissingSettingError('ucid', 'call control');
  if (!/^\d{1,40}$/.test(ucid)) {
    throw invalidInput(`"${clip(ucid)}" is not a ucid: a ucid has only digits.`);
  }
  const conferenceNumber = String(req.conferenceNumber ?? '').trim();
  if (conferenceNumber === '') throw invalidInput('Enter the number of the participant.');
  if (ctx) checkRequired(ctx, 'call control');
  return { ...req, ucid, conferenceNumber };
}

/** The HTTP request for one call-control action in the configured mode. */
export function buildCallControl(
  ctx: RequestContext,
  req: CallControlRequest,
  cred: Credential,
): PreparedRequest {
  if (ctx.mode === 'legacy') {
    const url = new URL(ctx.baseUrl + LEGACY_CALL_CONTROL_PATH);
    const q = url.searchParams;
    q.set('action', req.action);
    q.set('ucid', req.ucid);
    q.set('conferenceNumber', req.conferenceNumber);
    q.set('did', ctx.did);
    q.set('agentPhoneName', ctx.agentPhoneName);
    q.set('api_key', cred.apiKey ?? '');
    q.set('output', ctx.output);
    q.set('playRing', 'true'); // the docs require it, always
    if (req.sip) q.set('sip', 'true');
    return { method: 'GET', url, headers: { Accept: accept(ctx.output) }, replay: replayOf(req.action) };
  }
  const body: Record<string, unknown> = {
    action: req.action,
    ucid: req.ucid,
    conferenceNumber: req.conferenceNumber,
    did: ctx.did,
    agentPhoneName: ctx.agentPhoneName,
    userName: ctx.userName,
  };
  // Not in the new API's reference; sent only for SIP participants, mirroring the legacy flag.
  if (req.sip) body.sip = true;
  return {
    ...jsonPost(ctx.baseUrl + CALL_CONTROL_PATH, body, cred, ctx.tokenForm),
    replay: replayOf(req.action),
  };
}

/**
 * A JSON POST to the new API (never re-sent unless the caller says it may be), authorised by the `apiKey` header (basic) or the token in `Authorization`
 * (token mode; `Bearer <token>` or the bare token, per the account's token form).
 */
export function jsonPost(
  url: string,
  body: Record<string, unknown>,
  cred: Credential,
  tokenForm: TokenForm = 'bearer',
): PreparedRequest {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (cred.token !== undefined)
    headers.Authorization = tokenForm === 'raw' ? cred.token : `Bearer ${cred.token}`;
  else headers.apiKey = cred.apiKey;
  return { method: 'POST', url: new URL(url), headers, body: JSON.stringify(body), replay: 'never' };
}

function accept(output: OutputFormat): string {
  return output === 'xml' ? 'application/xml, text/xml' : 'application/json';
}

function clip(s: string): string {
  return s.length > 30 ? `${s.slice(0, 27)}...` : s;
}
