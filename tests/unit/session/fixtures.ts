import type { JournalBody, JournalParticipant } from '../../../electron/core/session/record';

export const ACCOUNT = 'demo@127.0.0.1:4010';
export const NOW = Date.UTC(2026, 11, 6, 10, 42);

export function participant(over: Partial<JournalParticipant> = {}): JournalParticipant {
  return {
    id: 'p1',
    number: '09811112222',
    label: 'Supervisor',
    sip: false,
    state: 'connected',
    held: false,
    muted: false,
    desiredHeld: false,
    desiredMuted: false,
    pending: null,
    unanswered: null,
    connectedAt: NOW - 60_000,
    heldSince: null,
    lastError: null,
    ...over,
  };
}

export function body(
  over: Partial<JournalBody> = {},
  session: Partial<JournalBody['session']> = {},
): JournalBody {
  return {
    seq: 1,
    savedAt: NOW - 1000,
    account: ACCOUNT,
    draft: '',
    ...over,
    session: {
      ucid: '1234567890123456',
      status: 'live',
      demo: false,
      mode: 'token',
      startedAt: NOW - 120_000,
      agentPending: false,
      participants: [participant()],
      selectedId: 'p1',
      ...session,
    },
  };
}
