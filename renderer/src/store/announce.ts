import type { ParticipantView, Snapshot } from '../../../shared/session';
import { chipState, displayName } from '../lib/participant-state';

/**
 * What changed between two snapshots, in words for a screen reader (the aria-live region reads them).
 * Only changes the agent did not just see happen under the cursor are worth saying; this says all state
 * changes, briefly.
 */
export function describeChanges(prev: Snapshot | null, next: Snapshot): string[] {
  const out: string[] = [];
  const before = prev?.session ?? null;
  const after = next.session;
  if (prev && prev.demo !== next.demo)
    out.push(next.demo ? 'Demo mode on: calls are simulated.' : 'Demo mode off.');
  if (!after) {
    if (before) out.push('Call closed.');
    return out;
  }
  if (!before || before.ucid !== after.ucid) out.push(`Call ${after.ucid} open.`);
  else if (before.status !== after.status && after.status === 'ended') {
    out.push(`Call ended. ${after.endedReason ?? ''}`.trim());
  }
  const old = new Map((before?.ucid === after.ucid ? before.participants : []).map((p) => [p.id, p]));
  for (const p of after.participants) {
    const line = participantChange(old.get(p.id), p);
    if (line) out.push(line);
  }
  // A selection made with 1–9 or the arrows; a participant just added is selected by adding them.
  const chosen = after.participants.findIndex((p) => p.id === after.selectedId);
  if (before?.ucid === after.ucid && after.selectedId !== before.selectedId && chosen >= 0) {
    const p = after.participants[chosen]!;
    if (old.has(p.id)) out.push(selectionLine(p, chosen, after.participants.length));
  }
  return out;
}

/** How a selection is said: `Priya selected, 2 of 3, connected.` */
export function selectionLine(p: ParticipantView, index: number, total: number): string {
  return `${displayName(p)} selected, ${index + 1} of ${total}, ${chipState(p)}.`;
}

function participantChange(before: ParticipantView | undefined, after: ParticipantView): string | null {
  const name = displayName(after);
  const now = chipState(after);
  if (!before) return now === 'failed' || now === 'unknown' ? null : `${name} ${now}.`;
  const was = chipState(before);
  if (was === now) return null;
  // A failure is said once, by its error message (which names the participant and the action).
  if (now === 'failed' || now === 'unknown') return null;
  if (was === 'muted' && now === 'connected') return `${name} unmuted.`;
  if (was === 'held' && now !== 'held' && after.state === 'connected')
    return `${name} resumed${after.muted ? ', muted' : ''}.`;
  return `${name} ${now}.`;
}
