import type { ParticipantView } from '../../../shared/session';

/** What the state chip says: the call state, refined by hold/mute for a connected participant. */
export type ChipState = 'dialing' | 'connected' | 'held' | 'muted' | 'failed' | 'dropped' | 'unknown';

export function chipState(p: ParticipantView): ChipState {
  if (p.state !== 'connected') return p.state;
  // A request sent before a restart whose answer was never seen: held/muted are as last confirmed.
  if (p.unanswered) return 'unknown';
  if (p.held) return 'held';
  if (p.muted) return 'muted';
  return 'connected';
}

export const CHIP_TEXT: Record<ChipState, string> = {
  dialing: 'dialing',
  connected: 'connected',
  held: 'held',
  muted: 'muted',
  failed: 'failed',
  dropped: 'dropped',
  unknown: 'unknown',
};

/** Mute and hold need a connected participant; drop also works on a ringing or unanswered one. */
export function canToggle(p: ParticipantView): boolean {
  return p.state === 'connected';
}

export function canDrop(p: ParticipantView): boolean {
  return p.state === 'connected' || p.state === 'dialing' || p.state === 'unknown';
}

export function displayName(p: ParticipantView): string {
  return p.label && p.label !== p.number ? p.label : p.number;
}
