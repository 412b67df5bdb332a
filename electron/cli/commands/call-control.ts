import { planKick } from '../../core/conference/kick-rule';
import { parseUcid } from '../../core/conference/ucid';
import type { Action } from '../../../shared/cloudagent';
import { usageError } from '../args';
import type { CliContext } from '../context';
import { numberArg } from '../numbers';
import type { CommandInput, CommandResult, CommandSpec } from './types';

interface Verb {
  name: string;
  action: Action;
  summary: string;
  detail: string;
}

const VERBS: Verb[] = [
  {
    name: 'conference',
    action: 'CONFERENCE',
    summary: 'Dial a third party into the call.',
    detail: 'dials <number> into the call',
  },
  { name: 'hold', action: 'HOLD', summary: 'Put a participant on hold.', detail: 'puts <number> on hold' },
  {
    name: 'unhold',
    action: 'UNHOLD',
    summary: 'Take a participant off hold.',
    detail: 'takes <number> off hold',
  },
  { name: 'mute', action: 'MUTE', summary: 'Mute a participant.', detail: 'mutes <number>' },
  { name: 'unmute', action: 'UNMUTE', summary: 'Unmute a participant.', detail: 'unmutes <number>' },
];

/** The ucid from --ucid (the bare id, or a link/snippet naming it). Throws InvalidInput. */
function ucidOption(value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    throw usageError('Say which call with --ucid <ucid>.', "Pass the live call's ucid; nothing was sent.");
  }
  return parseUcid(value);
}

async function send(
  ctx: CliContext,
  action: Action,
  ucid: string,
  number: string,
  sip: boolean,
): Promise<CommandResult> {
  const r = await ctx.client().callControl({ action, ucid, conferenceNumber: number, sip });
  return {
    action,
    status: r.status,
    message: r.message,
    ucid: r.ucid,
    lines: [`${action} ${number} on call ${r.ucid}: ${r.message}`],
  };
}

function participantCommand(verb: Verb): CommandSpec {
  return {
    name: verb.name,
    action: verb.action,
    summary: verb.summary,
    usage: `${verb.name} <number> --ucid <ucid>`,
    description: [`Sends ${verb.action}: ${verb.detail} on the call --ucid names.`],
    arguments: [
      ['<number>', 'the participant, normalised for the region; with --sip a SIP address, as typed'],
    ],
    options: ['ucid', 'sip'],
    positionals: { min: 1, max: 1 },
    examples: [`confbar ${verb.name} 09876543210 --ucid 1234567890123456`],
    async run({ ctx: makeCtx, args, values }: CommandInput) {
      const ctx = makeCtx();
      const sip = values.sip ?? false;
      const number = numberArg(args[0] ?? '', ctx.region, { sip });
      const ucid = ucidOption(values.ucid);
      return send(ctx, verb.action, ucid, number, sip);
    },
  };
}

const kick: CommandSpec = {
  name: 'kick',
  action: 'KICK_CALL',
  summary: "Drop a participant (KICK_CALL); without a number, send the agent's number.",
  usage: 'kick [number] --ucid <ucid>',
  description: [
    "Sends KICK_CALL. CloudAgent's reference says to pass the agent's own phone number; without a <number>",
    'that is what is sent (--agent-number, or the agent number saved in Settings), which ends the',
    "agent's conference legs. With a <number>, that participant's number is sent instead.",
  ],
  arguments: [['[number]', 'the participant to drop; default: the agent number']],
  options: ['ucid', 'sip'],
  positionals: { min: 0, max: 1 },
  examples: [
    'confbar kick --ucid 1234567890123456 --agent-number 09800000001',
    'confbar kick 09876543210 --ucid 1234567890123456',
  ],
  async run({ ctx: makeCtx, args, values }) {
    const ctx = makeCtx();
    const given = args[0];
    const sip = given !== undefined && (values.sip ?? false);
    const participant = given === undefined ? null : numberArg(given, ctx.region, { sip });
    const agent = participant === null ? agentNumber(ctx) : '';
    const plan = planKick(participant === null ? 'agent' : 'participant', agent, participant);
    const ucid = ucidOption(values.ucid);
    return send(ctx, 'KICK_CALL', ucid, plan.conferenceNumber, sip);
  },
};

function agentNumber(ctx: CliContext): string {
  const saved = ctx.account.agentNumber.trim();
  if (saved === '') {
    throw usageError(
      "kick without a number sends the agent's own number, and none is set.",
      'Pass --agent-number <number> (or save it in Settings), or name the participant to drop; nothing was sent.',
    );
  }
  return numberArg(saved, ctx.region, { what: 'agent number' });
}

export const CALL_CONTROL_COMMANDS: CommandSpec[] = [...VERBS.map(participantCommand), kick];
