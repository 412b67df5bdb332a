import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiMode } from '../../../shared/cloudagent';
import { offersRelease } from '../../../shared/phone-line';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import { AGENT_NUMBER, clientFor, disposeAll, failureOf } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(disposeAll);
beforeEach(() => {
  sim.clearRequests();
  sim.setPhoneState('demo-phone', 'free');
});

const CUSTOMER = '09822224444';
const releases = () => sim.requests.filter((r) => /releasefwpnumber/i.test(r.path));
const dials = () => sim.requests.filter((r) => /phonemanualdial/i.test(r.path));

describe.each(['legacy', 'basic', 'token'] as ApiMode[])('Release my phone, %s mode', (mode) => {
  it('sends the documented request form and reads FwpNumbers', async () => {
    sim.setPhoneState('demo-phone', 'stuck');
    const { client } = clientFor(sim, { mode });
    const r = await client.releasePhone();
    expect(r).toMatchObject({ status: 'success', phoneName: 'demo-phone', numbers: [AGENT_NUMBER] });
    expect(sim.phoneState('demo-phone')).toBe('free');
    const [req, ...more] = releases();
    expect(more).toHaveLength(0);
    if (mode === 'legacy') {
      expect(req).toMatchObject({ method: 'GET', path: '/CAServices/ReleaseFwpNumber.php', body: '' });
      expect(req!.query).toEqual({ apiKey: 'demo-api-key', userName: 'demo', phoneName: 'demo-phone' });
      expect(req!.headers['apikey']).toBeUndefined();
    } else {
      expect(req).toMatchObject({ method: 'POST', path: '/ca_apis/ReleaseFwpNumber', query: {} });
      expect(JSON.parse(req!.body)).toEqual({ userName: 'demo', phoneName: 'demo-phone' });
      expect(req!.headers['content-type']).toBe('application/json');
      if (mode === 'basic') {
        expect(req!.headers['apikey']).toBe('demo-api-key');
        expect(req!.headers['authorization']).toBeUndefined();
      } else {
        expect(req!.headers['authorization']).toMatch(/^Bearer \S+$/);
        expect(req!.headers['apikey']).toBeUndefined();
      }
    }
  });

  it('a free phone releases nothing: an empty list, said as such', async () => {
    const { client } = clientFor(sim, { mode });
    await expect(client.releasePhone()).resolves.toMatchObject({ numbers: [] });
  });

  it('disconnects a call still mapped to the phone', async () => {
    const ucid = sim.createCall({ agentPhoneName: 'demo-phone' });
    const { client } = clientFor(sim, { mode });
    await expect(client.releasePhone()).resolves.toMatchObject({ numbers: [AGENT_NUMBER] });
    expect(sim.getCall(ucid)?.live).toBe(false);
  });

  it('a wrong key → AuthFailed with the page’s words and the key remedy', async () => {
    const { client } = clientFor(sim, { mode, secrets: createStaticSecrets('wrong-key') });
    const e = await failureOf(client.releasePhone());
    expect(e.kind).toBe('AuthFailed');
    if (mode !== 'token') expect(e.message).toBe('userName or apiKey not valid');
    expect(e.remedy).toMatch(/API key/);
  });

  it('an empty phone name is refused before anything is sent', async () => {
    const { client } = clientFor(sim, { mode, agentPhoneName: '' });
    const e = await failureOf(client.releasePhone());
    expect(e).toMatchObject({ kind: 'InvalidInput' });
    expect(e.message).toMatch(/Agent phone name is empty.*Release my phone/);
    expect(releases()).toHaveLength(0);
  });

  it('checkStatus=true: a stuck phone makes Phone Manual Dial refuse, with the release offer; after release it dials', async () => {
    sim.setPhoneState('demo-phone', 'stuck');
    const { client } = clientFor(sim, { mode });
    const e = await failureOf(client.manualDial({ customerNumber: CUSTOMER }));
    expect(e).toMatchObject({ kind: 'Refused', message: 'Agent is busy on another call' });
    expect(e.remedy).toMatch(/Release my phone/);
    expect(offersRelease(e)).toBe(true);
    await client.releasePhone();
    const r = await client.manualDial({ customerNumber: CUSTOMER });
    expect(sim.getCall(r.ucid)?.dialOptions).toEqual({ checkStatus: true });
  });

  it('checkStatus=false rings regardless; callLimit and uui reach the server as documented', async () => {
    sim.setPhoneState('demo-phone', 'busy');
    const { client } = clientFor(sim, { mode });
    const r = await client.manualDial({
      customerNumber: CUSTOMER,
      checkStatus: false,
      callLimit: 300,
      uui: 'TKT-1234',
    });
    expect(sim.getCall(r.ucid)?.dialOptions).toEqual({ checkStatus: false, callLimit: 300, uui: 'TKT-1234' });
    const req = dials().at(-1)!;
    if (mode === 'legacy') {
      expect(req.query).toMatchObject({ checkStatus: 'false', callLimit: '300', uui: 'TKT-1234' });
    } else {
      expect(JSON.parse(req.body)).toMatchObject({ checkStatus: false, callLimit: 300, uui: 'TKT-1234' });
    }
  });

  it('a bad reference or call limit is refused in words and nothing is sent', async () => {
    const { client } = clientFor(sim, { mode });
    const bad = await failureOf(client.manualDial({ customerNumber: CUSTOMER, uui: 'a<b>' }));
    expect(bad).toMatchObject({ kind: 'InvalidInput' });
    expect(bad.message).toMatch(/reference may hold.*"<"/);
    const long = await failureOf(client.manualDial({ customerNumber: CUSTOMER, callLimit: 0 }));
    expect(long.message).toMatch(/call limit must be a whole number/);
    expect(dials()).toHaveLength(0);
  });
});

describe('Release my phone: the answers the pages document', () => {
  it.each([
    ['userName cannot be empty', 'AuthFailed', /user name/],
    ['apiKey cannot be empty', 'AuthFailed', /API key/],
    ['userName or apiKey not valid', 'AuthFailed', /API key and user name/],
  ])('%s → %s', async (message, kind, remedy) => {
    sim.injectFault(
      {
        kind: 'answer',
        contentType: 'text/html; charset=UTF-8',
        body: JSON.stringify({ status: 'error', message }),
      },
      { path: /ReleaseFwpNumber/ },
    );
    const { client } = clientFor(sim, { mode: 'legacy' });
    const e = await failureOf(client.releasePhone());
    expect(e).toMatchObject({ kind, message });
    expect(e.remedy).toMatch(remedy);
  });

  it('the legacy page labels its JSON text/html, and the path is exact-case', async () => {
    const res = await fetch(
      `${sim.url}/CAServices/ReleaseFwpNumber.php?apiKey=&userName=demo&phoneName=demo-phone`,
    );
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(await res.json()).toEqual({ status: 'error', message: 'apiKey cannot be empty' });
    const lower = await fetch(`${sim.url}/caservices/releasefwpnumber.php?apiKey=demo-api-key`);
    expect(lower.status).toBe(404);
  });

  it('an unreadable number list is BadResponse, not a success', async () => {
    sim.injectFault(
      { kind: 'answer', body: JSON.stringify({ status: 'success', FwpNumbers: [{ n: 1 }] }) },
      { path: /ReleaseFwpNumber/ },
    );
    const { client } = clientFor(sim, { mode: 'basic' });
    await expect(failureOf(client.releasePhone())).resolves.toMatchObject({ kind: 'BadResponse' });
  });
});
