import { describe, expect, it } from 'vitest';
import { demoClient, simulator } from '../../support/sim-env';

const PARTY = '09811112222';

// The app replaces its client whenever the account settings or the key change. A request under way then
// must still get its answer: CloudAgent carried the action out, so reporting it failed would leave the
// toolbar showing a state the call does not have.
describe('dispose', () => {
  it('lets a request under way finish, refuses new ones, and a replaced client generates no token', async () => {
    const sim = await simulator();
    const ucid = sim.createCall({ agentPhoneName: 'demo-phone' });
    const client = demoClient(sim, 'basic');
    sim.injectFault({ kind: 'latency', ms: 200 }, { path: /callcontrol/i });
    const pending = client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    await expect.poll(() => sim.requests.length).toBeGreaterThan(0);
    await client.dispose();
    await expect(pending).resolves.toMatchObject({ action: 'CONFERENCE', status: 'Success' });
    await expect(client.callControl({ action: 'MUTE', ucid, conferenceNumber: PARTY })).rejects.toMatchObject(
      { kind: 'Internal' },
    );

    const token = demoClient(sim, 'token');
    const warming = token.warm();
    await token.dispose();
    await warming;
    expect(sim.requests.filter((r) => r.path.endsWith('/generateToken'))).toHaveLength(0);
  });
});
