import { MSG } from '../messages';
import { jsonReply } from '../respond';
import { parseJsonObject, textField } from './body';
import type { Route } from './context';

/** `POST /ca_apis/CAToken/generateToken`, header `apiKey`, body `{"userName"}`. */
export const generateToken: Route = (req, ctx) => {
  const body = parseJsonObject(req.body) ?? {};
  // As other CloudAgent endpoints answer a request without credentials: 401 with a JSON body.
  if (!req.headers['apikey']?.trim()) {
    return jsonReply({ status: 'false', message: MSG.missingUserOrKey }, 401);
  }
  const userName = textField(body, 'userName');
  if (!userName) return jsonReply({ status: 'false', message: MSG.userNameNull });
  const account = ctx.accounts.byApiKey(req.headers['apikey']?.trim());
  if (!account || account.userName !== userName)
    return jsonReply({ status: 'false', message: MSG.badUserOrKey });
  const issued = ctx.tokens.issue(userName);
  if (!issued.ok) return jsonReply({ status: 'false', message: MSG.tokenLimit });
  return jsonReply({ token: issued.token, message: '' });
};
