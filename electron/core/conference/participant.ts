import type { ParticipantView } from '../../../shared/session';

/** A third party in the conference as the engine tracks it; the published view is a copy. */
export type Participant = ParticipantView;

export function newParticipant(id: string, number: string, label: string, sip: boolean): Participant {
  return {
    id,
    number,
    label,
    sip,
    state: 'dialing',
    held: false,
    muted: false,
    desiredHeld: false,
    desiredMuted: false,
    pending: null,
    connectedAt: null,
    heldSince: null,
    lastError: null,
    unanswered: null,
  };
}

export function viewOf(p: Participant): ParticipantView {
  return { ...p };
}

/** The next request that brings the participant to what the agent last asked for, if any. */
export function nextToggle(p: Participant): 'MUTE' | 'UNMUTE' | 'HOLD' | 'UNHOLD' | null {
  if (p.state !== 'connected') return null;
  if (p.desiredMuted !== p.muted) return p.desiredMuted ? 'MUTE' : 'UNMUTE';
  if (p.desiredHeld !== p.held) return p.desiredHeld ? 'HOLD' : 'UNHOLD';
  return null;
}

/** Records a successful toggle's effect. */
export function applyToggle(
  p: Participant,
  action: 'MUTE' | 'UNMUTE' | 'HOLD' | 'UNHOLD',
  now: number,
): void {
  if (action === 'MUTE' || action === 'UNMUTE') p.muted = action === 'MUTE';
  else {
    p.held = action === 'HOLD';
    p.heldSince = p.held ? now : null;
  }
}

/** Participants that still occupy their number in the call (a dropped or failed one may be dialled again). */
export function occupiesNumber(p: Participant): boolean {
  return p.state === 'dialing' || p.state === 'connected' || p.state === 'unknown';
}

/**
 * A confirmed answer settles what a restart left unknown about the same thing: Hold/Resume settles an
 * unanswered Hold or Resume, Mute/Unmute an unanswered Mute or Unmute.
 */
export function settleUnanswered(p: Participant, action: 'MUTE' | 'UNMUTE' | 'HOLD' | 'UNHOLD'): void {
  const family = (a: string) =>
    a === 'MUTE' || a === 'UNMUTE' ? 'mute' : a === 'HOLD' || a === 'UNHOLD' ? 'hold' : a;
  if (p.unanswered && family(p.unanswered) === family(action)) p.unanswered = null;
}
