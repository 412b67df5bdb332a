import { releasedWords, releaseWords } from '../../../shared/phone-line';
import type { CommandSpec } from './types';

/** `confbar release-phone`: ReleaseFwpNumber for the agent's phone; the freed numbers on stdout. */
export const releasePhone: CommandSpec = {
  name: 'release-phone',
  action: 'RELEASE_PHONE',
  summary: "Free the agent's phone when CloudAgent still maps it to a call that is over.",
  usage: 'release-phone',
  description: [
    "Release Agent's Phone Number: CloudAgent frees the number mapped to the agent's phone",
    '(--agent-phone-name); a call still mapped to it is disconnected. Use it when no new call reaches the',
    'phone after a call ended. It is sent once; ConfBar never repeats it on its own.',
    'stdout: the released numbers, one per line (none when nothing was mapped). Needs --user and',
    '--agent-phone-name (or the saved settings), in every --mode.',
    'Exit 0: released (or nothing was mapped); 1: CloudAgent refused; 2: invalid input, nothing sent;',
    '3: no usable answer — the phone may or may not have been released: run it again to see.',
  ],
  arguments: [],
  options: [],
  positionals: { min: 0, max: 0 },
  examples: ['confbar release-phone', 'confbar release-phone --json --agent-phone-name agent_ravi'],
  async run({ ctx: makeCtx }) {
    const ctx = makeCtx();
    const r = await ctx.client().releasePhone();
    return {
      action: 'RELEASE_PHONE',
      status: r.status,
      message: releasedWords(r.numbers),
      ucid: null,
      lines: r.numbers,
      notes: [`${releaseWords(r.phoneName)} ${releasedWords(r.numbers)}.`.replace(/\.\.$/, '.')],
      extra: { phoneName: r.phoneName, numbers: r.numbers },
    };
  },
};
