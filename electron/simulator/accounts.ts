import type { SimAccount } from './types';

/** The account demo mode, the `npm run simulator` entry point and most tests use. */
export const DEMO_ACCOUNT: SimAccount = {
  apiKey: 'demo-api-key',
  userName: 'demo',
  did: '08047000000',
  phones: { 'demo-phone': '09800000001' },
  offlineCampaigns: ['Demo_Offline'],
  auth: 'both',
};

/** Looks accounts up by the credentials each endpoint carries. */
export class AccountBook {
  private readonly accounts: readonly SimAccount[];

  constructor(accounts: readonly SimAccount[]) {
    if (accounts.length === 0) throw new Error('The simulator needs at least one account.');
    this.accounts = accounts;
  }

  get first(): SimAccount {
    return this.accounts[0] as SimAccount;
  }

  byApiKey(apiKey: string | undefined): SimAccount | undefined {
    if (!apiKey) return undefined;
    return this.accounts.find((a) => a.apiKey === apiKey);
  }

  byUserName(userName: string | undefined): SimAccount | undefined {
    if (!userName) return undefined;
    return this.accounts.find((a) => a.userName === userName);
  }
}
