import { MSG } from '../messages';
import { isCustomerNumber } from '../numbers';
import { jsonReply, legacyJsonReply, type Reply } from '../respond';
import type { SimAccount } from '../types';
import { isTrue, parseJsonObject, textField } from './body';
import type { Route, SimContext } from './context';
import { authorizeGateway } from './gateway-auth';

interface DialFields {
  custNumber: string | undefined;
  phoneName: string | undefined;
  campaignName: string | undefined;
  /** As sent: `"true"`/`"false"` in the query, a boolean (or string) in JSON; absent = not checked. */
  checkStatus: unknown;
  callLimit: unknown;
  uui: string | undefined;
}

/**
 * `GET /CAServices/PhoneManualDial.php?apiKey&userName&custNumber&phoneName&did[&campaignName][&uui]
 * [&callLimit][&checkStatus]`.
 */
export const manualDialLegacy: Route = (req, ctx) => {
  const q = req.query;
  const account = ctx.accounts.byApiKey(q['apiKey']);
  if (!account || account.userName !== q['userName']) return legacy(failure(MSG.authFailed));
  return legacy(
    dial(ctx, account, {
      custNumber: q['custNumber'],
      phoneName: q['phoneName'],
      campaignName: q['campaignName'],
      checkStatus: q['checkStatus'],
      callLimit: q['callLimit'],
      uui: q['uui'],
    }),
  );
};

/** The PHP page labels its JSON `text/html`. */
function legacy(reply: Reply): Reply {
  return reply.status === 200 ? legacyJsonReply(JSON.parse(reply.body)) : reply;
}

/**
 * `POST /ca_apis/PhoneManualDial` with the same fields as JSON. Token trouble answers like every
 * `/ca_apis` endpoint (so a client knows to refresh); any other credential problem is `Authentication failed.`
 */
export const manualDialV4: Route = (req, ctx) => {
  const body = parseJsonObject(req.body);
  if (!body) return jsonReply({ status: 'false', message: MSG.invalidBody, data: null }, 400);
  const auth = authorizeGateway(req.headers, textField(body, 'userName'), ctx, textField(body, 'apiKey'));
  if (!auth.ok) {
    if (auth.tokenProblem) return jsonReply({ status: 'false', message: auth.message, data: null });
    return auth.httpStatus === 200
      ? failure(MSG.authFailed)
      : jsonReply({ status: 'false', message: auth.message, data: null }, auth.httpStatus);
  }
  return dial(ctx, auth.account, {
    custNumber: textField(body, 'custNumber'),
    phoneName: textField(body, 'phoneName'),
    campaignName: textField(body, 'campaignName'),
    checkStatus: body['checkStatus'],
    callLimit: body['callLimit'],
    uui: textField(body, 'uui'),
  });
};

function dial(ctx: SimContext, account: SimAccount, f: DialFields): Reply {
  if (!f.phoneName || !Object.hasOwn(account.phones, f.phoneName)) return failure(MSG.phoneNotFound);
  // Listed in the reference under `queued` as well as `error`: a refusal that looks like a success.
  if (account.onlineAgentPhones?.includes(f.phoneName)) {
    return jsonReply({ status: 'queued', message: MSG.onlineAgent });
  }
  if (f.campaignName && !account.offlineCampaigns.includes(f.campaignName))
    return failure(MSG.campaignNotOffline);
  if (!f.custNumber || !isCustomerNumber(f.custNumber)) return failure(MSG.invalidCustomer);
  const callLimit = readCallLimit(f.callLimit);
  if (callLimit === null) return failure(MSG.invalidCallLimit);
  const checkStatus = isTrue(f.checkStatus);
  // checkStatus=true: "the call won't be initiated if the agent is in a busy state"; a phone still mapped
  // to a customer is busy to CloudAgent. With false the call is started regardless.
  if (checkStatus && ctx.lines.get(account.userName, f.phoneName) !== 'free') return failure(MSG.agentBusy);
  const ucid = ctx.calls.create({
    userName: account.userName,
    agentPhoneName: f.phoneName,
    customerNumber: f.custNumber,
    dialOptions: {
      checkStatus,
      ...(callLimit !== undefined ? { callLimit } : {}),
      ...(f.uui ? { uui: f.uui } : {}),
    },
  });
  return jsonReply({ status: 'queued', message: ucid });
}

/** A positive whole number of seconds (a JSON number or its digits); undefined when absent, null when bad. */
function readCallLimit(value: unknown): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

function failure(message: string): Reply {
  return jsonReply({ status: 'error', message });
}
