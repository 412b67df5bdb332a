import { AppError } from '../../../shared/errors';
import { usageError } from '../args';
import type { CliContext } from '../context';
import type { CommandResult, CommandSpec } from './types';

const ACCOUNT_NOTE =
  'The keychain entry is per user and host (user@host), as in the app: pass the same --user and ' +
  '--base-url/--region the other commands use, or rely on the saved settings.';

const STDIN_EXAMPLE = `printf '%s' "$CLOUDAGENT_API_KEY" | confbar key set --stdin`;

function where(ctx: CliContext): { account: string; description: string } {
  const account = ctx.vaultAccount();
  return { account, description: ctx.vault().description };
}

function result(
  action: string,
  status: string,
  message: string,
  extra: Record<string, unknown>,
): CommandResult {
  return { action, status, message, ucid: null, lines: [message], extra };
}

export const keySet: CommandSpec = {
  name: 'key set',
  action: 'KEY_SET',
  summary: 'Store the API key in the OS keychain, read from standard input.',
  usage: 'key set --stdin',
  description: [
    'Reads the key from the first line of standard input (at a terminal: prompted, not echoed) and stores',
    'it in the OS keychain, where the app finds it too; a cached token for the account is dropped. The key',
    'is never taken as an argument (it would stay in the shell history and the process list).',
    ACCOUNT_NOTE,
  ],
  arguments: [],
  options: ['stdin'],
  // Checked below, so that a key typed as an argument is refused without being echoed.
  positionals: { min: 0, max: Number.POSITIVE_INFINITY },
  examples: [STDIN_EXAMPLE, 'confbar key set --stdin --user demo --base-url http://127.0.0.1:4010 < key.txt'],
  async run({ ctx: makeCtx, args, values, io }) {
    if (args.length > 0 || !values.stdin) {
      throw usageError(
        args.length > 0
          ? 'key set does not take the key as an argument; it was not stored.'
          : 'key set reads the key from standard input: add --stdin.',
        `Pipe it in, e.g. ${STDIN_EXAMPLE}`,
      );
    }
    const ctx = makeCtx();
    const { account, description } = where(ctx);
    const vault = ctx.vault();
    // Find out that the keychain is unusable before the user pastes a key into it.
    await vault.hasApiKey(account);
    const key = (await io.readStdinLine()).trim();
    if (key === '')
      throw usageError(
        'No API key on standard input; nothing was stored.',
        `Pipe it in, e.g. ${STDIN_EXAMPLE}`,
      );
    ctx.secrets.remember(key);
    await vault.setApiKey(account, key);
    // A token made with another key must not be reused.
    await vault.deleteToken(account);
    return result('KEY_SET', 'stored', `Stored the API key for ${account} in the ${description}.`, {
      account,
      stored: true,
    });
  },
};

export const keyStatus: CommandSpec = {
  name: 'key status',
  action: 'KEY_STATUS',
  summary: 'Say whether the keychain holds an API key for the account (exit 2 when not).',
  usage: 'key status',
  description: [
    'Looks the key up in the OS keychain without printing it. Exit 0 when one is stored; 2 when none is,',
    'or when the keychain cannot be used. CONFBAR_API_KEY, when set, is used instead of the keychain.',
    ACCOUNT_NOTE,
  ],
  arguments: [],
  options: [],
  positionals: { min: 0, max: 0 },
  examples: ['confbar key status --user demo --base-url http://127.0.0.1:4010'],
  async run({ ctx: makeCtx }) {
    const ctx = makeCtx();
    const { account, description } = where(ctx);
    const stored = await ctx.vault().hasApiKey(account);
    const envNote = ctx.envKey ? ' CONFBAR_API_KEY is set, and this shell uses it instead.' : '';
    if (!stored) {
      throw new AppError(
        'NoApiKey',
        `No API key is stored for ${account} in the ${description}.${envNote}`,
        `Store one: ${STDIN_EXAMPLE} (with the same --user and --base-url/--region).`,
      );
    }
    return result(
      'KEY_STATUS',
      'stored',
      `An API key for ${account} is stored in the ${description}.${envNote}`,
      {
        account,
        stored: true,
      },
    );
  },
};

export const keyClear: CommandSpec = {
  name: 'key clear',
  action: 'KEY_CLEAR',
  summary: "Remove the account's API key (and cached token) from the keychain.",
  usage: 'key clear',
  description: [
    'Removes the API key and the cached token of the account from the OS keychain.',
    ACCOUNT_NOTE,
  ],
  arguments: [],
  options: [],
  positionals: { min: 0, max: 0 },
  examples: ['confbar key clear --user demo --base-url http://127.0.0.1:4010'],
  async run({ ctx: makeCtx }) {
    const ctx = makeCtx();
    const { account, description } = where(ctx);
    const vault = ctx.vault();
    const removed = await vault.deleteApiKey(account);
    await vault.deleteToken(account);
    const message = removed
      ? `Removed the API key for ${account} from the ${description}.`
      : `No API key was stored for ${account} in the ${description}; nothing to remove.`;
    return result('KEY_CLEAR', removed ? 'removed' : 'absent', message, { account, removed });
  },
};

export const KEY_COMMANDS: CommandSpec[] = [keySet, keyStatus, keyClear];
