import type { ApiMode } from '../core/cloudagent/types';
import { DEMO_ACCOUNT } from './accounts';
import { startSimulator } from './server';
import type { NumberFormat, Simulator, SimulatorOptions } from './types';

/** The account settings that point ConfBar at a demo simulator (the api key is returned beside them). */
export interface DemoAccountSettings {
  /** The simulator's own URL, used as a custom base URL (no region host). */
  baseUrl: string;
  /** Which number format the demo instance accepts; settings' `region` should match it. */
  region: NumberFormat;
  mode: ApiMode;
  userName: string;
  did: string;
  agentPhoneName: string;
  agentNumber: string;
  /** An offline campaign, for Phone Manual Dial. */
  campaignName: string;
}

export interface DemoSimulator {
  simulator: Simulator;
  account: DemoAccountSettings;
  apiKey: string;
  /** A live call ready to conference into. */
  ucid: string;
}

const DEMO_PHONE = 'demo-phone';

/** Starts a simulator with the demo account and one live demo call. */
export async function startDemoSimulator(
  opts: Omit<SimulatorOptions, 'accounts'> = {},
): Promise<DemoSimulator> {
  const simulator = await startSimulator({ ...opts, accounts: [DEMO_ACCOUNT] });
  const ucid = simulator.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: DEMO_PHONE });
  return {
    simulator,
    apiKey: DEMO_ACCOUNT.apiKey,
    ucid,
    account: {
      baseUrl: simulator.url,
      region: opts.numberFormat ?? 'in',
      mode: 'token',
      userName: DEMO_ACCOUNT.userName,
      did: DEMO_ACCOUNT.did,
      agentPhoneName: DEMO_PHONE,
      agentNumber: DEMO_ACCOUNT.phones[DEMO_PHONE] ?? '',
      campaignName: DEMO_ACCOUNT.offlineCampaigns[0] ?? '',
    },
  };
}
