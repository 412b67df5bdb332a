import { AppError, DEFAULT_REMEDY, type ErrorKind } from '../../../shared/errors';
import { PHONE_BUSY_PATTERN } from '../../../shared/phone-line';

interface MessageRule {
  /** A server message (compared case-insensitively, ignoring a trailing period) or a pattern. */
  match: string | RegExp;
  kind: ErrorKind;
  /** A remedy more specific than the kind's default. */
  remedy?: string;
}

const CHECK_KEY = 'Check the API key and user name in Settings (and that the API mode matches the account).';
const ENTER_USER = 'Enter your CloudAgent user name in Settings → Account → User name (CLI: --user).';

/** Remedies naming the setting to change when an answer means "this account uses the other API mode". */
export const MODE_REMEDY = {
  token:
    'This account uses token authentication: set Settings → Account → API mode to Token (CLI: --mode token).',
  basic:
    'This account uses basic authentication (API key header): set Settings → Account → API mode to Basic ' +
    '(CLI: --mode basic).',
} as const;

/** The remedy when CloudAgent answers as if no token was sent although one was: the token's form is wrong. */
export function tokenFormRemedy(current: 'bearer' | 'raw'): string {
  const other = current === 'bearer' ? 'raw' : 'bearer';
  return (
    `CloudAgent did not read the token as ConfBar sent it (${current === 'bearer' ? '"Bearer <token>"' : 'the bare token'} in the Authorization header). ` +
    `Set Settings → Account → Token form to ${other === 'raw' ? 'Raw' : 'Bearer'} (CLI: --token-form ${other}); ` +
    'no new token was generated.'
  );
}

/**
 * Every refusal CloudAgent is known to send, and what it means for the user. The one table; a message not
 * listed here becomes `Refused` with the server's words kept.
 */
export const SERVER_MESSAGES: readonly MessageRule[] = [
  { match: 'Call not Found', kind: 'CallNotFound' },
  { match: 'Please pass valid Conference number', kind: 'InvalidNumber' },
  { match: 'Invalid customer number', kind: 'InvalidNumber' },
  { match: 'Invalid User Details', kind: 'AuthFailed', remedy: CHECK_KEY },
  { match: 'Invalid userName or apiKey', kind: 'AuthFailed', remedy: CHECK_KEY },
  { match: 'Api Key Should Not be Null or Empty', kind: 'AuthFailed', remedy: CHECK_KEY },
  { match: 'Missing userName or apiKey', kind: 'AuthFailed', remedy: CHECK_KEY },
  { match: 'Username Should Not be Null or Empty', kind: 'AuthFailed', remedy: ENTER_USER },
  { match: 'Authentication failed', kind: 'AuthFailed', remedy: CHECK_KEY },
  { match: 'UserName is null', kind: 'AuthFailed', remedy: ENTER_USER },
  { match: 'Token Expired', kind: 'TokenExpired' },
  { match: 'Invalid Token', kind: 'TokenExpired' },
  // Renewing cannot help when the token was sent and not read (see client.ts); it stays this kind here.
  { match: 'Token Should Not be Null or Empty', kind: 'TokenExpired' },
  // The wording of the server's generation limit is inferred; match its gist.
  { match: /\btoken\b.*\blimit\b|\blimit\b.*\btoken\b/i, kind: 'TokenBudgetExhausted' },
  {
    match: 'Phone name not found',
    kind: 'Refused',
    remedy: 'Check the agent phone name in Settings; it must match a phone configured in CloudAgent.',
  },
  {
    match: 'campaign IS NOT offline',
    kind: 'Refused',
    remedy: 'Phone Manual Dial works only with an offline campaign; check the campaign name.',
  },
  // Release Agent's Phone Number (get_caservices-releasefwpnumber-php, post_ca-apis-releasefwpnumber[-1]).
  { match: 'userName or apiKey not valid', kind: 'AuthFailed', remedy: CHECK_KEY },
  { match: 'userName cannot be empty', kind: 'AuthFailed', remedy: ENTER_USER },
  {
    match: 'apiKey cannot be empty',
    kind: 'AuthFailed',
    remedy:
      'CloudAgent received no API key: store it in Settings → Account → API key (CLI: key set --stdin), ' +
      'and check that the API mode matches the account.',
  },
  // Phone Manual Dial with checkStatus=true while the agent's phone is busy or still mapped. The wording is
  // not documented: matched by its gist (shared/phone-line.ts), so Start call can offer the release.
  {
    match: PHONE_BUSY_PATTERN,
    kind: 'Refused',
    remedy:
      "The agent's phone is busy or still mapped to a call. Finish that call, or choose Release my phone " +
      '(CLI: confbar release-phone) if the call is over; or turn off Settings → Account → Check status first (CLI: --no-check-status).',
  },
  {
    match: 'Online agent logged in with same phone number',
    kind: 'Refused',
    remedy: 'An agent is logged in to the toolbar with this phone; log out there or use another phone name.',
  },
];

function normalise(message: string): string {
  return message.trim().replace(/\.+$/, '').toLowerCase();
}

/** The rule for a server message, if it is a known one. */
export function ruleForMessage(message: string): MessageRule | undefined {
  const wanted = normalise(message);
  return SERVER_MESSAGES.find((rule) =>
    typeof rule.match === 'string' ? normalise(rule.match) === wanted : rule.match.test(message),
  );
}

/** The error for a refusal CloudAgent sent (any status but success), keeping its message. */
export function errorFromServer(status: string, message: string): AppError {
  const text = message.trim();
  const rule = ruleForMessage(text);
  const kind = rule?.kind ?? 'Refused';
  const shown =
    text === '' ? `CloudAgent refused the request (status "${status}") without saying why.` : text;
  return new AppError(kind, shown, rule?.remedy ?? DEFAULT_REMEDY[kind]);
}

/** The server's words for "no token reached me" (a token sent in a form it does not read). */
export function isTokenMissingMessage(message: string): boolean {
  return normalise(message) === normalise('Token Should Not be Null or Empty');
}

/** The server's words for "no api key reached me": on a token page, the account is set to basic. */
export function isApiKeyMissingMessage(message: string): boolean {
  return normalise(message) === normalise('Api Key Should Not be Null or Empty');
}

/** Something was wrong before anything was sent. */
export function invalidInput(message: string): AppError {
  return new AppError('InvalidInput', message);
}

export function badResponse(message: string): AppError {
  return new AppError('BadResponse', message);
}
