import { callLimitProblem, uuiProblem } from '../../../shared/phone-line';
import type { ManualDialRequest } from './types';
import { invalidInput } from './errors';
import { checkRequired } from './required';
import { jsonPost, type Credential, type PreparedRequest, type RequestContext } from './call-control';

export const LEGACY_MANUAL_DIAL_PATH = '/CAServices/PhoneManualDial.php';
export const MANUAL_DIAL_PATH = '/ca_apis/PhoneManualDial';

/** Checks a Phone Manual Dial request before anything is sent; returns it trimmed. Throws InvalidInput. */
export function validateManualDial(ctx: RequestContext, req: ManualDialRequest): ManualDialRequest {
  const customerNumber = String(req.customerNumber ?? '').trim();
  if (customerNumber === '') throw invalidInput('Enter the customer number to dial.');
  checkRequired(ctx, 'Phone Manual Dial');
  const out: ManualDialRequest = { customerNumber, checkStatus: req.checkStatus ?? true };
  const campaignName = req.campaignName?.trim();
  if (campaignName) out.campaignName = campaignName;
  if (req.callLimit !== undefined) {
    const problem = callLimitProblem(req.callLimit);
    if (problem) throw invalidInput(problem);
    out.callLimit = req.callLimit;
  }
  const uui = req.uui?.trim();
  if (uui) {
    const problem = uuiProblem(uui);
    if (problem) throw invalidInput(problem);
    out.uui = uui;
  }
  return out;
}

/**
 * Starts an offline call from the agent's phone to a customer. Legacy: GET with the api_key as `apiKey` in
 * the query; basic/token: POST of the same fields as JSON, authorised like call control.
 */
export function buildManualDial(
  ctx: RequestContext,
  req: ManualDialRequest,
  cred: Credential,
): PreparedRequest {
  const fields: Record<string, string | number | boolean> = {
    userName: ctx.userName,
    custNumber: req.customerNumber,
    phoneName: ctx.agentPhoneName,
    did: ctx.did,
  };
  if (req.campaignName) fields.campaignName = req.campaignName;
  if (req.uui) fields.uui = req.uui;
  if (req.callLimit !== undefined) fields.callLimit = req.callLimit;
  // Always sent, so the server's own default (undocumented) never decides whether a busy agent is rung.
  fields.checkStatus = req.checkStatus ?? true;
  // The JSON page's example sends `"checkStatus": true` (a boolean); callLimit's type is not shown: a number.
  if (ctx.mode !== 'legacy') return jsonPost(ctx.baseUrl + MANUAL_DIAL_PATH, fields, cred, ctx.tokenForm);
  const url = new URL(ctx.baseUrl + LEGACY_MANUAL_DIAL_PATH);
  url.searchParams.set('apiKey', cred.apiKey ?? '');
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, String(value));
  // A dial: never re-sent once its bytes may have left (jsonPost's default too).
  return { method: 'GET', url, headers: { Accept: 'application/json' }, replay: 'never' };
}
