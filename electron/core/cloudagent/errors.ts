import { AppError, DEFAULT_REMEDY, type ErrorKind } from '../../../shared/errors';

interface MessageRule {
  /** A server message (compared case-insensitively, ignoring a trailing period) or a pattern. */
  match: string | RegExp;
  kind: ErrorKind;
  /** A remedy more specific than the kind's default. */
  remedy?: string;
}

const CHECK_KEY = 'Check the API key and user name in Settings (and that the API mode matches the account).';

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
  { match: 'Authentication failed', kind: 'AuthFailed', remedy: CHECK_KEY },
  { match: 'UserName is null', kind: 'AuthFailed', remedy: 'Enter your CloudAgent user name in Settings.' },
  { match: 'Token Expired', kind: 'TokenExpired' },
  { match: 'Invalid Token', kind: 'TokenExpired' },
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

/** Something was wrong before anything was sent. */
export function invalidInput(message: string): AppError {
  return new AppError('InvalidInput', message);
}

export function badResponse(message: string): AppError {
  return new AppError('BadResponse', message);
}
