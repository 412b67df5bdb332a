import type { AccountBook } from './accounts';
import type { CallBook } from './state';

/**
 * What CloudAgent knows about each agent phone beyond its calls: `busy` (the agent is on a call elsewhere)
 * or `stuck` (the call is over but the phone's number is still mapped to the customer). The simulator's
 * own calls have no answered/hung-up life, so a live simulated call does not make its phone busy; a test
 * (or `npm run simulator -- --stuck-phone`) sets a phone's state with this switch.
 */
export type LineState = 'free' | 'busy' | 'stuck';

export class PhoneLines {
  private readonly states = new Map<string, LineState>();

  constructor(
    private readonly accounts: AccountBook,
    private readonly calls: CallBook,
  ) {}

  set(userName: string, phoneName: string, state: LineState): void {
    const account = this.accounts.byUserName(userName);
    if (!account || !Object.hasOwn(account.phones, phoneName)) {
      throw new Error(`Account "${userName}" has no phone named "${phoneName}".`);
    }
    if (state === 'free') this.states.delete(key(userName, phoneName));
    else this.states.set(key(userName, phoneName), state);
  }

  get(userName: string, phoneName: string): LineState {
    return this.states.get(key(userName, phoneName)) ?? 'free';
  }

  /**
   * Releases the phone: frees its mapping and disconnects any live call still on it. Answers the numbers
   * that were mapped (the agent's own number), none when nothing was.
   */
  release(userName: string, phoneName: string): string[] {
    const account = this.accounts.byUserName(userName);
    const number = account?.phones[phoneName];
    if (!account || number === undefined) return [];
    const wasMapped = this.states.delete(key(userName, phoneName));
    const ended = this.calls.endAllOn(userName, phoneName);
    return wasMapped || ended > 0 ? [number] : [];
  }
}

function key(userName: string, phoneName: string): string {
  return `${userName}\u0000${phoneName}`;
}
