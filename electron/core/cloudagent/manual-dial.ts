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
  const campaignName = req.campaignName?.trim();
  return campaignName ? { customerNumber, campaignName } : { customerNumber };
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
  const fields: Record<string, string> = {
    userName: ctx.userName,
    custNumber: req.customerNumber,
    phoneName: ctx.agentPhoneName,
    did: ctx.did,
  };
  if (req.campaignName) fields.campaignName = req.campaignName;
  if (ctx.mode !== 'legacy') return jsonPost(ctx.baseUrl + MANUAL_DIAL_PATH, fields, cred, ctx.tokenForm);
  const url = new URL(ctx.baseUrl + LEGACY_MANUAL_DIAL_PATH);
  url.searchParams.set('apiKey', cred.apiKey ?? '');
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  // A dial: never re-sent once its bytes may have left (jsonPost's default too).
  return { method: 'GET', url, headers: { Accept: 'application/json' }, replay: 'never' };
}
