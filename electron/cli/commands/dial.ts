import { numberArg } from '../numbers';
import type { CommandSpec } from './types';

export const dial: CommandSpec = {
  name: 'dial',
  action: 'DIAL',
  summary: "Start an offline call to a customer (Phone Manual Dial); prints the new call's ucid.",
  usage: 'dial <customerNumber>',
  description: [
    "Phone Manual Dial: CloudAgent rings the agent's phone (--agent-phone-name), then the customer.",
    'Without --json, stdout is just the ucid, so it can feed --ucid of the next command; the rest goes to stderr.',
    'Needs --user, --did and --agent-phone-name (or the saved settings); --campaign names an offline campaign.',
  ],
  arguments: [['<customerNumber>', "the customer's number, normalised for the region"]],
  options: [],
  positionals: { min: 1, max: 1 },
  examples: [
    'confbar dial 09876543210 --campaign Demo_Offline',
    'UCID=$(confbar dial 09876543210) && confbar conference 09811112222 --ucid "$UCID"',
  ],
  async run({ ctx: makeCtx, args }) {
    const ctx = makeCtx();
    const customerNumber = numberArg(args[0] ?? '', ctx.region, { what: 'customer number' });
    const campaignName = ctx.account.campaignName.trim() || undefined;
    const r = await ctx.client().manualDial({ customerNumber, campaignName });
    return {
      action: 'DIAL',
      status: r.status,
      message: r.message,
      ucid: r.ucid,
      lines: [r.ucid],
      notes: [
        `Dialling ${customerNumber} from ${ctx.account.agentPhoneName}${campaignName ? ` (${campaignName})` : ''}: ` +
          `CloudAgent answered "${r.status}"; the call's ucid is on stdout.`,
      ],
    };
  },
};
