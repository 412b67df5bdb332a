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
