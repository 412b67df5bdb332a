import { htmlReply, textReply, type Reply } from '../respond';
import { callControlV4 } from './call-control-v4';
import type { Route, RouteRequest, SimContext } from './context';
import { generateToken } from './generate-token';
import { legacyCallControl } from './legacy-call-control';
import { manualDialLegacy, manualDialV4 } from './manual-dial';
import { releasePhoneLegacy, releasePhoneV4 } from './release-phone';

// Exact case, as public client code spells them (the reference shows some lower-cased): the strictest
// plausible server, where a wrong case is the web server's HTML 404 page.
const ROUTES: Record<string, { method: string; route: Route }> = {
  '/callcontrol_v4.php': { method: 'GET', route: legacyCallControl },
  '/ca_apis/CallControl_V4': { method: 'POST', route: callControlV4 },
  '/ca_apis/CAToken/generateToken': { method: 'POST', route: generateToken },
  '/CAServices/PhoneManualDial.php': { method: 'GET', route: manualDialLegacy },
  '/ca_apis/PhoneManualDial': { method: 'POST', route: manualDialV4 },
  // As the reference pages print them.
  '/CAServices/ReleaseFwpNumber.php': { method: 'GET', route: releasePhoneLegacy },
  '/ca_apis/ReleaseFwpNumber': { method: 'POST', route: releasePhoneV4 },
};

/** Answers one request that no fault intercepted. */
export function route(req: RouteRequest, ctx: SimContext): Reply {
  if (req.path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
    return textReply('CloudAgent simulator\n');
  }
  const entry = Object.hasOwn(ROUTES, req.path) ? ROUTES[req.path] : undefined;
  if (!entry) return htmlReply(404, 'Not Found', `No such page: ${req.path}`);
  if (entry.method !== req.method) {
    return htmlReply(405, 'Method Not Allowed', `${req.path} answers ${entry.method} only.`);
  }
  return entry.route(req, ctx);
}
