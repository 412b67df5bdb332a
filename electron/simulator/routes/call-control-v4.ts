import { applyCallControl } from '../call-control';
import { MSG } from '../messages';
import { jsonReply } from '../respond';
import { isTrue, parseJsonObject, textField } from './body';
import type { Route } from './context';
import { authorizeGateway } from './gateway-auth';

/** `POST /ca_apis/CallControl_V4` with a JSON body; basic (apiKey header) or token (Bearer) auth. */
export const callControlV4: Route = (req, ctx) => {
  const body = parseJsonObject(req.body);
  if (!body) return jsonReply({ status: 'false', message: MSG.invalidBody, data: null }, 400);
  const userName = textField(body, 'userName');
  const auth = authorizeGateway(req.headers, userName, ctx);
  if (!auth.ok) return jsonReply({ status: 'false', message: auth.message, data: null }, auth.httpStatus);

  const outcome = applyCallControl(ctx.calls, ctx.numberFormat, {
    action: textField(body, 'action'),
    ucid: textField(body, 'ucid'),
    conferenceNumber: textField(body, 'conferenceNumber'),
    sip: isTrue(body['sip']),
    userName: auth.account.userName,
  });
  if (!outcome.ok) return jsonReply({ status: 'false', message: outcome.message, data: null });
  return jsonReply({ status: 'Success', message: outcome.message, ucid: outcome.ucid });
};
