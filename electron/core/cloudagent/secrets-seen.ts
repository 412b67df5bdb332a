/**
 * The secrets one CloudAgent client has handled, so no message, log line or trace it produces carries one.
 * Each is also remembered process-wide, so history, IPC results and logs mask it too (electron/core/redact).
 */
import { redact, rememberSecret } from '../redact';

export interface SeenSecrets {
  see(secret: string): void;
  all(): string[];
  scrub(text: string): string;
}

export function createSeenSecrets(): SeenSecrets {
  const seen = new Set<string>();
  return {
    see(secret) {
      seen.add(secret);
      rememberSecret(secret);
    },
    all: () => [...seen],
    scrub: (text) => redact(text, [...seen]),
  };
}
