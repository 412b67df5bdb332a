import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMode } from '../../../shared/cloudagent';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import { PARTY, clientFor, disposeAll, failureOf } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(disposeAll);

const CUSTOMER = '09822224444';

describe.each(['legacy', 'basic', 'token'] as ApiMode[])('Phone Manual Dial, %s mode', (mode) => {
  it('starts a call and returns its ucid, which call control then accepts', async () => {
    const { client } = clientFor(sim, { mode });
    sim.clearRequests();
    const r = await client.manualDial({ customerNumber: CUSTOMER });
    expect(r.status).toBe('queued');
    expect(r.ucid).toMatch(/^\d{16}$/);
    expect(r.message).toBe(r.ucid);
    expect(sim.getCall(r.ucid)).toMatchObject({
      live: true,
      customerNumber: CUSTOMER,
      agentPhoneName: 'demo-phone',
    });
    const dial = sim.requests.find((q) => /phonemanualdial/i.test(q.path));
    expect(dial?.method).toBe(mode === 'legacy' ? 'GET' : 'POST');
    expect(dial?.path).toBe(
      mode === 'legacy' ? '/CAServices/PhoneManualDial.php' : '/ca_apis/PhoneManualDial',
    );
    await expect(
      client.callControl({ action: 'CONFERENCE', ucid: r.ucid, conferenceNumber: PARTY }),
    ).resolves.toMatchObject({ message: 'dialing' });
  });

  it('accepts an offline campaign and refuses one that is not offline', async () => {
    const { client } = clientFor(sim, { mode });
    await expect(
      client.manualDial({ customerNumber: CUSTOMER, campaignName: 'Demo_Offline' }),
    ).resolves.toMatchObject({
      status: 'queued',
    });
    const e = await failureOf(client.manualDial({ customerNumber: CUSTOMER, campaignName: 'Inbound_Sales' }));
    expect(e).toMatchObject({ kind: 'Refused', message: 'campaign IS NOT offline' });
    expect(e.remedy).toMatch(/offline campaign/);
  });

  it('Invalid customer number → InvalidNumber', async () => {
    const { client } = clientFor(sim, { mode });
    const e = await failureOf(client.manualDial({ customerNumber: '12ab' }));
    expect(e).toMatchObject({ kind: 'InvalidNumber', message: 'Invalid customer number' });
  });

  it('Phone name not found. → Refused with a settings remedy', async () => {
    const { client } = clientFor(sim, { mode, agentPhoneName: 'no-such-phone' });
    const e = await failureOf(client.manualDial({ customerNumber: CUSTOMER }));
    expect(e).toMatchObject({ kind: 'Refused', message: 'Phone name not found.' });
    expect(e.remedy).toMatch(/phone name/);
  });

  it('a wrong key → AuthFailed', async () => {
    const { client } = clientFor(sim, { mode, secrets: createStaticSecrets('wrong-key') });
    const e = await failureOf(client.manualDial({ customerNumber: CUSTOMER }));
    expect(e.kind).toBe('AuthFailed');
    expect(e.message).toBe(mode === 'token' ? 'Invalid userName or apiKey' : 'Authentication failed.');
  });
});
