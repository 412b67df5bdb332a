import { MSG } from '../messages';
import { jsonReply, legacyJsonReply, type Reply } from '../respond';
import type { SimAccount } from '../types';
import { parseJsonObject, textField } from './body';
import type { Route, SimContext } from './context';
import { authorizeGateway } from './gateway-auth';

/**
 * `GET /CAServices/ReleaseFwpNumber.php?apiKey&userName&phoneName`, answered the PHP way (JSON labelled
 * `text/html`), with the page's documented messages: an empty key or user name, then a wrong pair.
 */
export const releasePhoneLegacy: Route = (req, ctx) => {
  const q = req.query;
  if (!q['apiKey']?.trim()) return legacyJsonReply(failureBody(MSG.releaseNoApiKey));
  if (!q['userName']?.trim()) return legacyJsonReply(failureBody(MSG.releaseNoUserName));
  const account = ctx.accounts.byApiKey(q['apiKey']);
  if (!account || account.userName !== q['userName'])
    return legacyJsonReply(failureBody(MSG.releaseBadCredentials));
  const reply = release(ctx, account, q['phoneName']);
  return legacyJsonReply(JSON.parse(reply.body));
};

/**
 * `POST /ca_apis/ReleaseFwpNumber` with `{userName, phoneName}`: basic (apiKey header) or token. Token
 * trouble answers like every `/ca_apis` endpoint (so a client knows to renew); credential refusals in this
 * page's own words.
 */
export const releasePhoneV4: Route = (req, ctx) => {
  const body = parseJsonObject(req.body);
  if (!body) return jsonReply({ status: 'false', message: MSG.invalidBody, data: null }, 400);
  const auth = authorizeGateway(req.headers, textField(body, 'userName'), ctx);
  if (!auth.ok) {
    if (auth.tokenProblem) return jsonReply({ status: 'false', message: auth.message, data: null });
    return jsonReply(failureBody(pageWording(auth.message)), auth.httpStatus);
  }
  return release(ctx, auth.account, textField(body, 'phoneName'));
};

/** The gateway's refusal, in the words the release pages document. */
function pageWording(message: string): string {
  if (message === MSG.userNameMissing) return MSG.releaseNoUserName;
  if (message === MSG.apiKeyMissing) return MSG.releaseNoApiKey;
  return MSG.releaseBadCredentials;
}

function release(ctx: SimContext, account: SimAccount, phoneName: string | undefined): Reply {
  if (!phoneName?.trim()) return jsonReply(failureBody(MSG.releaseNoPhoneName));
  if (!Object.hasOwn(account.phones, phoneName)) return jsonReply(failureBody(MSG.phoneNotFound));
  const numbers = ctx.lines.release(account.userName, phoneName);
  return jsonReply({ status: 'success', FwpNumbers: numbers });
}

function failureBody(message: string): { status: string; message: string } {
  return { status: 'error', message };
}
