/**
 * Which journaled call comes back at start, and in what shape: pure rules, no file and no clock of their
 * own. Restore, never replay: what CloudAgent confirmed is state; what was on its way is shown as unknown
 * for the agent to check, and nothing is sent again by itself (a dial least of all).
 */
import { MAYBE_RINGING_REMEDY, VERB } from '../conference/verbs';
import type { JournalBody, JournaledSession, JournalParticipant } from './record';

/** A call journaled longer ago than this is not brought back: no call lasts that long. */
export const RESTORE_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export type RestoreDecision =
  | { restore: true; session: JournaledSession; note: string }
  /** `keep`: rename the file aside for support; `drop`: delete it (a demo call: nothing to support). */
  | { restore: false; why: string; file: 'keep' | 'drop' };

export interface RestoreContext {
  /** The account configured now (`userName@host`), null when Settings name none. */
  account: string | null;
  now: number;
  /** Demo mode is on now: a real call would be sent to the simulator. */
  demoOn: boolean;
  /** The record came from the previous file: the newest write was lost. */
  fromPrevious: boolean;
}

export function decideRestore(body: JournalBody, ctx: RestoreContext): RestoreDecision {
  const { session } = body;
  const call = `The call ${session.ucid}`;
  if (session.demo)
    return {
      restore: false,
      why: `${call} was a demo call and was not restored: the demo simulator starts empty after a restart.`,
      file: 'drop',
    };
  if (session.status !== 'live')
    return { restore: false, why: `${call} had ended; it was not restored.`, file: 'keep' };
  if (ctx.account !== body.account)
    return {
      restore: false,
      why: `${call} belongs to ${body.account}, not to the account configured now (${ctx.account ?? 'none'}); it was not restored.`,
      file: 'keep',
    };
  if (ctx.now - body.savedAt > RESTORE_MAX_AGE_MS || body.savedAt > ctx.now + RESTORE_MAX_AGE_MS)
    return { restore: false, why: `${call} was saved over 12 hours ago; it was not restored.`, file: 'keep' };
  if (ctx.demoOn)
    return {
      restore: false,
      why: `${call} was not restored because demo mode is on: turn demo mode off and paste its ucid.`,
      file: 'keep',
    };
  const notes = [
    ctx.fromPrevious ? 'The newest save was lost, so the last change before the restart may be missing.' : '',
    session.agentPending
      ? "End was sent before the restart; CloudAgent's answer was not seen: end again if the call is still on."
      : '',
  ].filter(Boolean);
  return {
    restore: true,
    session: { ...session, agentPending: false, participants: session.participants.map(restoredParticipant) },
    note: notes.join(' '),
  };
}

/**
 * One participant as it comes back: as last confirmed, with nothing in flight. A request that was on its
 * way becomes `unanswered` (its row says what was sent and that the answer was not seen); the agent's
 * wish falls back to the confirmed state, so nothing converges by itself and one press sends it again.
 * A dial on its way becomes `unknown`: it may be ringing, and only the agent's "Retry dial" dials again.
 */
export function restoredParticipant(p: JournalParticipant): JournalParticipant {
  const back = { ...p, desiredHeld: p.held, desiredMuted: p.muted, pending: null };
  const action = p.pending;
  if (action === 'CONFERENCE' || (p.state === 'dialing' && !action)) {
    return {
      ...back,
      state: 'unknown',
      unanswered: null,
      lastError: {
        kind: 'Timeout',
        message: `${VERB.CONFERENCE} was sent; CloudAgent's answer was not seen. The number may be ringing.`,
        remedy: MAYBE_RINGING_REMEDY,
      },
    };
  }
  if (!action) return back;
  return {
    ...back,
    unanswered: action,
    lastError: {
      kind: 'Timeout',
      message: `${VERB[action]} was sent; CloudAgent's answer was not seen.`,
      remedy: `Check the call; press ${VERB[action]} to send it again.`,
    },
  };
}
