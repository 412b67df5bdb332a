import { ACTIONS, type Action } from '../core/cloudagent/types';
import { ACTION_SUCCESS, MSG } from './messages';
import { isConferenceNumber, isSameLine } from './numbers';
import type { CallBook } from './state';
import type { NumberFormat, SimCall, SimParticipant } from './types';

export interface ControlInput {
  action: string | undefined;
  ucid: string | undefined;
  conferenceNumber: string | undefined;
  sip: boolean;
  /** The authenticated user; another user's call is "not found". */
  userName: string;
}

export type ControlOutcome =
  { ok: true; action: Action; message: string; ucid: string } | { ok: false; message: string };

/** The call-control semantics shared by the legacy and the new endpoint; only the envelope differs. */
export function applyCallControl(calls: CallBook, format: NumberFormat, input: ControlInput): ControlOutcome {
  const action = ACTIONS.find((a) => a === input.action);
  if (!action) return { ok: false, message: MSG.invalidAction };
  const number = input.conferenceNumber ?? '';
  // Parameters are checked before the call is looked up (KICK_CALL may name the agent in any spelling).
  if (action !== 'KICK_CALL' && !isConferenceNumber(number, format, input.sip))
    return { ok: false, message: MSG.invalidConferenceNumber };
  const call = calls.liveFor(input.ucid, input.userName);
  if (!call) return { ok: false, message: MSG.callNotFound };

  // The documented rule: KICK_CALL names the agent's own number, and every third party is dropped.
  if (action === 'KICK_CALL' && isSameLine(number, call.agentNumber)) {
    for (const p of connected(call)) p.state = 'dropped';
    return success(call, action);
  }
  if (!isConferenceNumber(number, format, input.sip))
    return { ok: false, message: MSG.invalidConferenceNumber };
  if (action === 'CONFERENCE') {
    call.participants.set(number, { number, sip: input.sip, state: 'connected', held: false, muted: false });
    return success(call, action);
  }
  const party = call.participants.get(number);
  if (!party || party.state !== 'connected') return { ok: false, message: MSG.invalidConferenceNumber };
  switch (action) {
    case 'HOLD':
      party.held = true;
      break;
    case 'UNHOLD':
      party.held = false;
      break;
    case 'MUTE':
      party.muted = true;
      break;
    case 'UNMUTE':
      party.muted = false;
      break;
    case 'KICK_CALL':
      party.state = 'dropped';
      break;
  }
  return success(call, action);
}

function success(call: SimCall, action: Action): ControlOutcome {
  return { ok: true, action, message: ACTION_SUCCESS[action], ucid: call.ucid };
}

function connected(call: SimCall): SimParticipant[] {
  return [...call.participants.values()].filter((p) => p.state === 'connected');
}
