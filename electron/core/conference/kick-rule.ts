/**
 * The one place that decides what KICK_CALL sends. CloudAgent's reference says to pass the agent's own
 * number; what that disconnects is not spelled out, and we model it as "the agent's conference legs end"
 * (every third party drops). An advanced setting may send the participant's own number instead.
 */
import type { KickNumberRule } from '../../../shared/kick-rule';

export type { KickNumberRule };

export interface KickPlan {
  conferenceNumber: string;
  /** Which participants the success of this request drops. */
  drops: 'all' | 'one';
}

export function planKick(
  rule: KickNumberRule,
  agentNumber: string,
  participantNumber: string | null,
): KickPlan {
  if (participantNumber === null || rule === 'agent') return { conferenceNumber: agentNumber, drops: 'all' };
  return { conferenceNumber: participantNumber, drops: 'one' };
}
