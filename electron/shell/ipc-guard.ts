import type { InvokeName, Result } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Logger } from '../core/log';
import { isTrustedSender } from './sender';

export interface IpcSender {
  /** The sending frame's URL; null when the frame is gone. */
  url: string | null;
  /** Whether the message came from the top-level frame of one of the app's own windows. */
  ownWindow: boolean;
}

export type GuardedInvoke = (name: InvokeName, sender: IpcSender, input: unknown) => Promise<Result<unknown>>;

/**
 * Runs a renderer request only when it comes from the app's own page in the app's own window; anything
 * else gets a typed error (never an exception across IPC) and a log line naming the channel and the
 * sender's origin — not its full URL, which could carry data.
 */
export function guardInvoke(
  invoke: (name: string, input: unknown) => Promise<Result<unknown>>,
  appPage: () => string,
  log: Logger,
): GuardedInvoke {
  return async (name, sender, input) => {
    if (!sender.ownWindow || !isTrustedSender(sender.url, appPage())) {
      log.warn('refused a request from an untrusted sender', { channel: name, sender: originOf(sender.url) });
      const error = new AppError('Internal', 'Request refused: it did not come from the ConfBar window.');
      return { ok: false, error: error.toJSON() };
    }
    return invoke(name, input);
  };
}

function originOf(url: string | null): string {
  if (!url) return '(no frame)';
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable)';
  }
}
