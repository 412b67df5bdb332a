import { numberArg } from '../numbers';
import { dialOptions } from './dial-options';
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
    'By default CloudAgent is asked not to ring a busy agent (checkStatus); if it refuses because the phone is busy or still mapped after a call, `confbar release-phone` frees it.',
    '--call-limit caps the talk time; --uui carries a reference (e.g. a CRM ticket) into the reports. A bad value is refused, exit 2, nothing sent.',
  ],
  arguments: [['<customerNumber>', "the customer's number, normalised for the region"]],
  options: ['check-status', 'no-check-status', 'call-limit', 'uui'],
  positionals: { min: 1, max: 1 },
  examples: [
    'confbar dial 09876543210 --campaign Demo_Offline',
    'UCID=$(confbar dial 09876543210) && confbar conference 09811112222 --ucid "$UCID"',
    'confbar dial 09876543210 --call-limit 600 --uui TKT-1234',
  ],
  async run({ ctx: makeCtx, args, values }) {
    const ctx = makeCtx();
    const customerNumber = numberArg(args[0] ?? '', ctx.region, { what: 'customer number' });
    const options = dialOptions(ctx, values);
    const campaignName = ctx.account.campaignName.trim() || undefined;
    const r = await ctx.client().manualDial({ ...options, customerNumber, campaignName });
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
