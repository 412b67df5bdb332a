import { applyCallControl } from '../call-control';
import { MSG } from '../messages';
import { legacyJsonReply, xmlReply, type Reply } from '../respond';
import { isTrue } from './body';
import type { Route } from './context';

/** `GET /callcontrol_v4.php?...&api_key=...&output=json|xml`: the api_key alone identifies the account. */
export const legacyCallControl: Route = (req, ctx) => {
  const q = req.query;
  const asXml = q['output']?.toLowerCase() === 'xml';
  const answer = (fields: Record<string, string>): Reply =>
    asXml ? xmlReply(fields) : legacyJsonReply(fields);

  const account = ctx.accounts.byApiKey(q['api_key']);
  if (!account) return answer({ status: 'Error', message: MSG.invalidUser });
  const outcome = applyCallControl(ctx.calls, ctx.numberFormat, {
    action: q['action'],
    ucid: q['ucid'],
    conferenceNumber: q['conferenceNumber'],
    sip: isTrue(q['sip']),
    userName: account.userName,
  });
  if (!outcome.ok) return answer({ status: 'Error', message: outcome.message });
  // Only CONFERENCE's documented success carries the ucid on this endpoint.
  return answer(
    outcome.action === 'CONFERENCE'
      ? { status: 'Success', message: outcome.message, ucid: outcome.ucid }
      : { status: 'Success', message: outcome.message },
  );
};
