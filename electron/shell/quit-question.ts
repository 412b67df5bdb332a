import type { ParticipantView, SessionView } from '../../shared/session';

/** Why the app is quitting: the agent (tray, menu, window), or the OS ending the session (never waits). */
export type QuitReason = 'agent' | 'os-session-end';

/** A native message box's options, Electron-free (main passes them to dialog.showMessageBox). */
export interface QuitQuestion {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: [string, string];
  /** The safe choice, focused and taken by Esc: Cancel. */
  defaultId: 0;
  cancelId: 0;
  /** The button index that quits. */
  quitId: 1;
}

function name(p: ParticipantView): string {
  return p.label && p.label !== p.number ? p.label : p.number;
}

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What CloudAgent holds or mutes for someone (as confirmed, or as asked and not yet answered). */
function heldOrMuted(p: ParticipantView): { held: boolean; muted: boolean } {
  if (p.state !== 'connected') return { held: false, muted: false };
  return { held: p.held || p.desiredHeld, muted: p.muted || p.desiredMuted };
}

/**
 * Whether quitting needs the agent's yes, and in what words. Asked only when the agent quits during a live
 * call while someone is held or muted: CloudAgent keeps them so after ConfBar is gone. An OS shutdown or
 * log-off is never asked about (nothing may wait on a dialog then); the journal brings the call back.
 */
export function quitQuestion(session: SessionView | null, reason: QuitReason): QuitQuestion | null {
  if (reason !== 'agent' || !session || session.status !== 'live' || session.demo) return null;
  const held: string[] = [];
  const muted: string[] = [];
  for (const p of session.participants) {
    const s = heldOrMuted(p);
    if (s.held) held.push(name(p));
    if (s.muted) muted.push(name(p));
  }
  if (held.length === 0 && muted.length === 0) return null;
  const parts = [
    held.length ? `${list(held)} ${held.length === 1 ? 'is' : 'are'} on hold` : '',
    muted.length ? `${list(muted)} ${muted.length === 1 ? 'is' : 'are'} muted` : '',
  ].filter(Boolean);
  const stay = [held.length ? 'held' : '', muted.length ? 'muted' : ''].filter(Boolean).join(' and ');
  return {
    type: 'warning',
    title: 'Quit ConfBar during a call?',
    message: `Quit ConfBar during a call? ${parts.join('; ')}.`,
    detail:
      `They stay ${stay} at CloudAgent after ConfBar quits: nobody will resume or unmute them. ` +
      'ConfBar brings this call back when it starts again.',
    buttons: ['Cancel', 'Quit anyway'],
    defaultId: 0,
    cancelId: 0,
    quitId: 1,
  };
}
