/**
 * Every outcome a user can be told about. The same kinds travel from the CloudAgent client through the
 * engine and the IPC contract to the toolbar, so one table of remedies serves them all.
 */
export const ERROR_KINDS = [
  'CallNotFound',
  'InvalidNumber',
  'AuthFailed',
  'TokenExpired',
  'TokenBudgetExhausted',
  'Refused',
  'BadResponse',
  'Network',
  'Timeout',
  'InvalidInput',
  // Beyond the CloudAgent client: local conditions the app itself reports.
  'KeychainUnavailable',
  'NoApiKey',
  'NoSession',
  'SessionEnded',
  'Duplicate',
  'Busy',
  'Internal',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The serialisable shape of an error at every boundary (IPC, CLI --json, history). */
export interface AppErrorShape {
  kind: ErrorKind;
  /** What happened, in words a person can act on; the server's own message where there is one. */
  message: string;
  /** What to do about it. */
  remedy: string;
}

export const DEFAULT_REMEDY: Record<ErrorKind, string> = {
  CallNotFound: 'The call has ended or the ucid is wrong. Paste the ucid of a live call.',
  InvalidNumber: 'Check the number and its format for your region, then try again.',
  AuthFailed: 'Check the API key, user name and API mode in Settings, then run Test connection.',
  TokenExpired: 'The session token expired. Try again; ConfBar fetches a new one.',
  TokenBudgetExhausted: 'CloudAgent allows 10 tokens an hour. Wait a few minutes, then try again.',
  Refused: 'CloudAgent refused the request. Read its message; check the call and your settings.',
  BadResponse:
    'CloudAgent answered with something unreadable. Try again; if it persists, check the base URL.',
  Network: 'CloudAgent could not be reached. Check your network connection and the base URL.',
  Timeout: 'CloudAgent did not answer in time. Check the call state before trying again.',
  InvalidInput: 'Correct the highlighted value; nothing was sent.',
  KeychainUnavailable:
    'No OS keychain is available. On Linux install and unlock a Secret Service (gnome-keyring or KeePassXC).',
  NoApiKey: 'Store your CloudAgent API key in Settings (or use demo mode).',
  NoSession: 'Paste or start a call first.',
  SessionEnded: 'This call has ended. Paste the ucid of a live call.',
  Duplicate: 'That number is already in the call.',
  Busy: 'An action for this participant is still in progress.',
  Internal: 'Something went wrong inside ConfBar. Try again; the log has details.',
};

/** A typed, throwable error carrying the boundary shape. */
export class AppError extends Error implements AppErrorShape {
  readonly kind: ErrorKind;
  readonly remedy: string;
  constructor(kind: ErrorKind, message: string, remedy: string = DEFAULT_REMEDY[kind]) {
    super(message);
    this.name = kind;
    this.kind = kind;
    this.remedy = remedy;
  }
  toJSON(): AppErrorShape {
    return { kind: this.kind, message: this.message, remedy: this.remedy };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
