/**
 * What KICK_CALL sends, and what that means for the agent, in the words every surface uses (the rows, the
 * help overlay, the confirmations, the engine's refusals). CloudAgent's reference says to pass the agent's
 * own number; we model that as disconnecting everyone. An admin may switch to the participant's number.
 */
export type KickNumberRule = 'agent' | 'participant';

/** Where the rule is switched, as the settings screen names it. */
export const KICK_RULE_SETTING = 'Settings → Account → Advanced → Number sent with KICK_CALL';

export const KICK_RULE_WORDS: Record<KickNumberRule, { drop: string; end: string }> = {
  agent: {
    drop:
      'No per-participant Drop: with the agent-number KICK_CALL rule CloudAgent disconnects everyone. ' +
      `An admin can switch to the participant-number rule in ${KICK_RULE_SETTING}.`,
    end: 'End (E) ends the conference: everyone is disconnected.',
  },
  participant: {
    drop: 'Drop (D) disconnects only the selected participant.',
    end: 'End (E) ends the conference: everyone is disconnected.',
  },
};

/** The engine's refusal of a per-row drop under the agent-number rule. */
export const NO_ROW_DROP_MESSAGE =
  'Drop is off: with the agent-number KICK_CALL rule CloudAgent would disconnect everyone, not just this participant.';
export const NO_ROW_DROP_REMEDY = `To end the call for everyone press End (E). An admin can switch to the participant-number rule in ${KICK_RULE_SETTING}.`;
