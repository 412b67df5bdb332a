import type { ErrorKind } from '../../shared/errors';

/** The CLI's exit codes (docs/CLI.md). */
export const EXIT = {
  ok: 0,
  /** CloudAgent answered and refused (or, for doctor, a check failed). */
  refused: 1,
  /** The input was invalid or incomplete; nothing was sent. */
  invalid: 2,
  /** No usable answer: network, timeout, or a body that could not be read. */
  noAnswer: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Every ErrorKind has a code (a Record, so a new kind fails to compile until it is placed). */
export const EXIT_CODE_BY_KIND: Record<ErrorKind, ExitCode> = {
  CallNotFound: EXIT.refused,
  InvalidNumber: EXIT.refused,
  AuthFailed: EXIT.refused,
  TokenExpired: EXIT.refused,
  TokenBudgetExhausted: EXIT.refused,
  Refused: EXIT.refused,
  InvalidInput: EXIT.invalid,
  NoApiKey: EXIT.invalid,
  KeychainUnavailable: EXIT.invalid,
  Network: EXIT.noAnswer,
  Timeout: EXIT.noAnswer,
  BadResponse: EXIT.noAnswer,
  // The app's session states cannot arise in a one-shot command; they would be a local refusal to send.
  NoSession: EXIT.invalid,
  SessionEnded: EXIT.invalid,
  Duplicate: EXIT.invalid,
  Busy: EXIT.invalid,
  // A bug in ConfBar: not the input's fault, and CloudAgent may or may not have acted.
  Internal: EXIT.refused,
};
