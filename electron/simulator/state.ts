import { randomInt } from 'node:crypto';
import type { AccountBook } from './accounts';
import type { SimCall } from './types';

export interface NewCall {
  userName?: string;
  agentPhoneName?: string;
  customerNumber?: string;
  /** Phone Manual Dial's options as received (kept so a test can read what the server saw). */
  dialOptions?: SimCall['dialOptions'];
}

const DEFAULT_CUSTOMER = '09822223333';

/** Live and ended calls, keyed by ucid. */
export class CallBook {
  private readonly calls = new Map<string, SimCall>();

  constructor(private readonly accounts: AccountBook) {}

  create(opts: NewCall = {}): string {
    const account = opts.userName ? this.accounts.byUserName(opts.userName) : this.accounts.first;
    if (!account) throw new Error(`No simulated account has the user name "${opts.userName}".`);
    const agentPhoneName = opts.agentPhoneName ?? Object.keys(account.phones)[0];
    const agentNumber =
      agentPhoneName !== undefined && Object.hasOwn(account.phones, agentPhoneName)
        ? account.phones[agentPhoneName]
        : undefined;
    if (agentPhoneName === undefined || agentNumber === undefined) {
      throw new Error(`Account "${account.userName}" has no phone named "${agentPhoneName ?? ''}".`);
    }
    const ucid = this.freshUcid();
    this.calls.set(ucid, {
      ucid,
      userName: account.userName,
      agentPhoneName,
      agentNumber,
      customerNumber: opts.customerNumber ?? DEFAULT_CUSTOMER,
      live: true,
      participants: new Map(),
      ...(opts.dialOptions ? { dialOptions: opts.dialOptions } : {}),
    });
    return ucid;
  }

  get(ucid: string): SimCall | undefined {
    return this.calls.get(ucid);
  }

  /** A live call that belongs to `userName`; anything else is "not found" to that user. */
  liveFor(ucid: string | undefined, userName: string): SimCall | undefined {
    const call = ucid ? this.calls.get(ucid) : undefined;
    return call && call.live && call.userName === userName ? call : undefined;
  }

  /** Ends every live call on one agent phone (a release disconnects them); returns how many. */
  endAllOn(userName: string, agentPhoneName: string): number {
    let n = 0;
    for (const call of this.calls.values()) {
      if (!call.live || call.userName !== userName || call.agentPhoneName !== agentPhoneName) continue;
      this.end(call.ucid);
      n += 1;
    }
    return n;
  }

  end(ucid: string): void {
    const call = this.calls.get(ucid);
    if (!call) return;
    call.live = false;
    for (const p of call.participants.values()) p.state = 'dropped';
  }

  // Real ucids are long digit strings; no leading zero so a client that strips zeros would show up in tests.
  private freshUcid(): string {
    for (;;) {
      let ucid = String(randomInt(1, 10));
      while (ucid.length < 16) ucid += String(randomInt(0, 10));
      if (!this.calls.has(ucid)) return ucid;
    }
  }
}
