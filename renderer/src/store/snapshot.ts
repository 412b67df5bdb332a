import type { Snapshot } from '../../../shared/session';
import type { SettingsView } from '../../../shared/settings';
import { describeChanges } from './announce';
import { takeNotice } from './restore-notice';
import { getState, setState } from './store';

/**
 * Adopts a snapshot from main (event or invoke result) unless a newer one is already shown.
 * Optimistic flags end here: main's own `pending` takes over from this snapshot on.
 */
export function applySnapshot(next: Snapshot): void {
  const { snapshot: prev, announcement, optimisticSelectedId } = getState();
  if (prev && next.seq < prev.seq) return;
  const notice = takeNotice(next.restore);
  const lines = [...describeChanges(prev, next), ...(notice ? [notice] : [])];
  const succeeded = succeededSince(prev, next);
  const selectionArrived = optimisticSelectedId === null || next.session?.selectedId === optimisticSelectedId;
  setState({
    snapshot: next,
    clockOffset: next.at - Date.now(),
    optimistic: {},
    optimisticSelectedId: selectionArrived ? null : optimisticSelectedId,
    ...(lines.length > 0 ? { announcement: { text: lines.join(' '), n: announcement.n + 1 } } : {}),
    // Drop and End need a live call; "Release my phone" does not.
    ...(next.session?.status === 'live' || getState().confirm?.kind === 'release' ? {} : { confirm: null }),
    // A call that opened (by paste, start call or from another window) makes a stale ucid error moot.
    ...(next.session && next.session.ucid !== prev?.session?.ucid ? { ucidError: null } : {}),
    // A participant's next outcome supersedes their error message: a success clears it.
    ...(succeeded.size > 0
      ? { toasts: getState().toasts.filter((t) => !(t.participantId && succeeded.has(t.participantId))) }
      : {}),
  });
}

/** Participants whose request in flight has just come back without an error. */
function succeededSince(prev: Snapshot | null, next: Snapshot): Set<string> {
  const out = new Set<string>();
  const before = prev?.session;
  if (!before || !next.session || before.ucid !== next.session.ucid) return out;
  const was = new Map(before.participants.map((p) => [p.id, p]));
  for (const p of next.session.participants) {
    if (was.get(p.id)?.pending && p.pending === null && p.lastError === null) out.add(p.id);
  }
  return out;
}

export function applySettingsView(view: SettingsView): void {
  setState({ settingsView: view });
}

export function announce(text: string): void {
  const { announcement } = getState();
  setState({ announcement: { text, n: announcement.n + 1 } });
}
