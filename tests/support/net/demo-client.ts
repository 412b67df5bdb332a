import { createCloudAgentClient } from '../../../electron/core/cloudagent/client';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import type { Transport } from '../../../electron/core/cloudagent/transport';
import type { CloudAgentClient } from '../../../electron/core/cloudagent/types';
import { DEMO_ACCOUNT } from '../../../electron/simulator/server';

/** A basic-mode client of the simulator's demo account at `baseUrl`, over the given transport. */
export function demoClientOver(baseUrl: string, transport: Transport, timeoutMs = 3000): CloudAgentClient {
  return createCloudAgentClient(
    {
      endpoint: { baseUrl },
      mode: 'basic',
      userName: DEMO_ACCOUNT.userName,
      did: DEMO_ACCOUNT.did,
      agentPhoneName: 'demo-phone',
      output: 'json',
      timeoutMs,
    },
    { secrets: createStaticSecrets(DEMO_ACCOUNT.apiKey), transport },
  );
}

/** A live call of the demo account on `sim`, and one party's actions on it through `client`. */
export function demoCall(
  sim: { createCall(opts: { userName: string; agentPhoneName: string }): string },
  client: CloudAgentClient,
  party: string,
) {
  const ucid = sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
  const send = (action: 'CONFERENCE' | 'MUTE' | 'UNMUTE') =>
    client.callControl({ action, ucid, conferenceNumber: party });
  return {
    ucid,
    dial: () => send('CONFERENCE'),
    mute: () => send('MUTE'),
    /** MUTE on even i, UNMUTE on odd: a run of toggles. */
    toggle: (i: number) => send(i % 2 ? 'UNMUTE' : 'MUTE'),
  };
}
