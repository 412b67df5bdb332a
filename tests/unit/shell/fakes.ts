import type { InvokeName, Result } from '../../../shared/contract';
import type { ParticipantView, SessionView, Snapshot } from '../../../shared/session';
import type { TypedInvoke } from '../../../electron/shell/typed-invoke';

export function participant(id: string, state: ParticipantView['state'] = 'connected'): ParticipantView {
  return {
    id,
    number: '09800000002',
    label: id,
    sip: false,
    state,
    held: false,
    muted: false,
    desiredHeld: false,
    desiredMuted: false,
    pending: null,
    connectedAt: 1,
    heldSince: null,
    lastError: null,
  };
}

export function snapshot(session: Partial<SessionView> | null): Snapshot {
  return {
    seq: 1,
    demo: false,
    demoUcid: null,
    ready: true,
    missing: [],
    at: 0,
    session: session && {
      ucid: '1234567',
      status: 'live',
      endedReason: null,
      demo: false,
      mode: 'token',
      startedAt: 0,
      agent: { number: '09800000001', pending: false },
      participants: [],
      selectedId: null,
      ...session,
    },
  };
}

/** An invoke that records calls and answers from a table (default: ok with the input echoed). */
export function recordingInvoke(answers: Partial<Record<InvokeName, Result<unknown>>> = {}) {
  const calls: Array<{ name: InvokeName; input: unknown }> = [];
  const invoke = (async (name: InvokeName, input: unknown) => {
    calls.push({ name, input });
    return answers[name] ?? { ok: true, value: input };
  }) as TypedInvoke;
  return { calls, invoke };
}
