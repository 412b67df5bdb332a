import type { DemoInstance } from '../../shared/demo';
import { DEMO_ACCOUNT } from './accounts';
import { startSimulator } from './server';
import type { Simulator, SimulatorOptions } from './types';

/** A demo instance for ConfBar's demo mode (see shared/demo.ts); `simulator` is there for tests and the runner. */
export interface DemoSimulator extends DemoInstance {
  simulator: Simulator;
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
    stop: () => simulator.close(),
    account: {
      baseUrl: simulator.url,
      region: opts.numberFormat ?? 'in',
      userName: DEMO_ACCOUNT.userName,
      did: DEMO_ACCOUNT.did,
      agentPhoneName: DEMO_PHONE,
      agentNumber: DEMO_ACCOUNT.phones[DEMO_PHONE] ?? '',
      campaignName: DEMO_ACCOUNT.offlineCampaigns[0] ?? '',
    },
  };
}
