import type { Action } from '../../../shared/cloudagent';

/** How a failure names what the agent did ("Mute Priya: …"), in the toolbar's own vocabulary. */
export const VERB: Record<Action, string> = {
  CONFERENCE: 'Add',
  MUTE: 'Mute',
  UNMUTE: 'Unmute',
  HOLD: 'Hold',
  UNHOLD: 'Resume',
  KICK_CALL: 'Drop',
};

/** After a dial whose outcome is unknown: the number may ring, so the agent checks before dialling again. */
export const MAYBE_RINGING_REMEDY =
  'The number may be ringing: check the call, and choose "Retry dial" only if it is not.';
