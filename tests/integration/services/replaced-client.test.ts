import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../electron/simulator/server';
import { servicesEnv } from '../../support/services-env';

// Pasting a ucid warms the connection and, in token mode, fetches a token in the background. A key saved
// right after replaces the client; the replaced one must not go on to generate a token, which would
// cancel the one the new client just generated for the first action (each new token invalidates the last).
describe('a client replaced during its warm-up', () => {
  it('spends no token generation, so the first action after a new key works', async () => {
    const env = await servicesEnv({ mode: 'token' });
    await env.call('setUcid', { text: env.sim.createCall({ agentPhoneName: 'demo-phone' }) });
    await env.call('setKey', { apiKey: DEMO_ACCOUNT.apiKey });
    const added = await env.services.invoke('addParticipant', { number: '09811112222', sip: false });
    await env.services.settled();
    expect(added.ok, JSON.stringify(added)).toBe(true);
    expect(env.sim.requests.filter((r) => r.path.endsWith('/generateToken'))).toHaveLength(1);
  });
});
