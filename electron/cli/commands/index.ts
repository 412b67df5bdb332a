import { CALL_CONTROL_COMMANDS } from './call-control';
import { dial } from './dial';
import { doctor } from './doctor';
import { KEY_COMMANDS } from './key';
import { releasePhone } from './release-phone';
import { status } from './status';
import type { CommandSpec } from './types';

export type { CommandInput, CommandResult, CommandSpec } from './types';

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  ...CALL_CONTROL_COMMANDS,
  dial,
  releasePhone,
  doctor,
  status,
  ...KEY_COMMANDS,
];

/** Commands that group subcommands (`key set`, `key status`, `key clear`). */
export const GROUPS = ['key'] as const;

/**
 * The command the positionals name, and the arguments left for it: `key status` is two words.
 * Null when no command matches.
 */
export function findCommand(words: readonly string[]): { spec: CommandSpec; args: string[] } | null {
  const [first, second, ...more] = words;
  if (first === undefined) return null;
  const two = second === undefined ? undefined : COMMANDS.find((c) => c.name === `${first} ${second}`);
  if (two) return { spec: two, args: more };
  const one = COMMANDS.find((c) => c.name === first);
  return one ? { spec: one, args: words.slice(1) } : null;
}

export function isGroup(word: string | undefined): word is (typeof GROUPS)[number] {
  return (GROUPS as readonly string[]).includes(word ?? '');
}
