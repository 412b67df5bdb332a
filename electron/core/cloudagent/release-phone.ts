import { badResponse, errorFromServer } from './errors';
import { checkRequired } from './required';
import { decodeBody, isSuccessStatus, textOf, type Outcome, type RawResponse } from './parse';
import { jsonPost, type Credential, type PreparedRequest, type RequestContext } from './call-control';

/**
 * "Release Agent's Phone Number": frees the agent's phone when CloudAgent still maps it to a customer
 * after the call. Paths as the reference prints them (get_caservices-releasefwpnumber-php,
 * post_ca-apis-releasefwpnumber, post_ca-apis-releasefwpnumber-1).
 */
export const LEGACY_RELEASE_PHONE_PATH = '/CAServices/ReleaseFwpNumber.php';
export const RELEASE_PHONE_PATH = '/ca_apis/ReleaseFwpNumber';

/** Refuses an empty user name or phone name before anything is sent (MissingSettingError). */
export function validateReleasePhone(ctx: RequestContext): void {
  checkRequired(ctx, 'Release my phone');
}

/**
 * Legacy: GET with `apiKey`, `userName`, `phoneName` in the query. Basic and token: POST of
 * `{userName, phoneName}`, authorised like every `/ca_apis` request (apiKey header or the token).
 */
export function buildReleasePhone(ctx: RequestContext, cred: Credential): PreparedRequest {
  const fields = { userName: ctx.userName, phoneName: ctx.agentPhoneName };
  if (ctx.mode !== 'legacy') return jsonPost(ctx.baseUrl + RELEASE_PHONE_PATH, fields, cred, ctx.tokenForm);
  const url = new URL(ctx.baseUrl + LEGACY_RELEASE_PHONE_PATH);
  url.searchParams.set('apiKey', cred.apiKey ?? '');
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  // It may disconnect a call: never re-sent once its bytes may have left (jsonPost's default too).
  return { method: 'GET', url, headers: { Accept: 'application/json' }, replay: 'never' };
}

/**
 * Success is `{"status":"success","FwpNumbers":["…"]}`; anything else is the server's refusal. The numbers
 * are kept as text (a number sent unquoted keeps its digits; a leading zero is CloudAgent's to keep).
 */
export function readReleasePhone(res: RawResponse): Outcome & { numbers: string[] } {
  const fields = decodeBody(res);
  const status = textOf(fields.status);
  const message = textOf(fields.message);
  if (!isSuccessStatus(status, ['success'])) {
    if (status === '' && message === '')
      throw badResponse('CloudAgent answered ReleaseFwpNumber without a status.');
    throw errorFromServer(status || 'error', message);
  }
  const raw = fields.FwpNumbers;
  // XML (never asked for, but a proxy may reshape) gives one child as text; JSON gives the documented array.
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw];
  const numbers = list.map(textOf).filter((n) => n !== '');
  if (list.length !== numbers.length) {
    throw badResponse('CloudAgent answered ReleaseFwpNumber with a number list ConfBar cannot read.');
  }
  return { status, message, fields, numbers };
}
