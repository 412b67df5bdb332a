import { describe, expect, it } from 'vitest';
import { servicesEnv } from '../../support/services-env';

const CUSTOMER = '9822224444';
const releases = (sim: { requests: readonly { path: string }[] }) =>
  sim.requests.filter((r) => /ReleaseFwpNumber/.test(r.path)).length;
const lastDial = (sim: { requests: readonly { path: string; body: string }[] }) =>
  JSON.parse(sim.requests.filter((r) => /PhoneManualDial/.test(r.path)).at(-1)?.body ?? '{}') as Record<
    string,
    unknown
  >;

describe('services: the agent’s own line', () => {
  it('Start call sends the settings’ checkStatus and callLimit and the call’s reference as uui', async () => {
    const { sim, call } = await servicesEnv({ mode: 'basic' });
    let snap = await call('startCall', { customerNumber: CUSTOMER, reference: ' TKT-77 ' });
    expect(sim.getCall(snap.session!.ucid)?.dialOptions).toEqual({ checkStatus: true, uui: 'TKT-77' });
    await call('clearSession', {});
    await call('updateSettings', { patch: { account: { checkStatus: false, callLimit: 300 } } });
    sim.setPhoneState('demo-phone', 'busy');
    snap = await call('startCall', { customerNumber: CUSTOMER });
    expect(lastDial(sim)).toMatchObject({ checkStatus: false, callLimit: 300 });
    expect(lastDial(sim)).not.toHaveProperty('uui');
    expect(sim.getCall(snap.session!.ucid)?.live).toBe(true);
  });

  it('a refused Start call (stuck phone) is Refused in words; releasePhone frees it once and says what it freed', async () => {
    const { sim, call, fail } = await servicesEnv({ mode: 'token' });
    sim.setPhoneState('demo-phone', 'stuck');
    const e = await fail('startCall', { customerNumber: CUSTOMER });
    expect(e).toMatchObject({ kind: 'Refused', message: 'Agent is busy on another call' });
    const released = await call('releasePhone', {});
    expect(released).toEqual({
      phoneName: 'demo-phone',
      numbers: ['09800000001'],
      message: 'Released 09800000001',
    });
    expect(releases(sim)).toBe(1);
    await expect(call('startCall', { customerNumber: CUSTOMER })).resolves.toMatchObject({
      session: { status: 'live' },
    });
  });

  it('a second press while a release is under way is Busy, and a failed release is never re-sent', async () => {
    const { sim, call, fail } = await servicesEnv({ mode: 'legacy', timeoutMs: 1000 });
    sim.injectFault({ kind: 'latency', ms: 300 }, { path: /ReleaseFwpNumber/ });
    const first = call('releasePhone', {});
    await expect(fail('releasePhone', {})).resolves.toMatchObject({ kind: 'Busy' });
    await first;
    expect(releases(sim)).toBe(1);
    sim.injectFault({ kind: 'noAnswer' }, { path: /ReleaseFwpNumber/ });
    await expect(fail('releasePhone', {})).resolves.toMatchObject({ kind: 'Timeout' });
    await new Promise((r) => setTimeout(r, 300));
    expect(releases(sim)).toBe(2);
  });

  it('a Reference CloudAgent’s reports cannot take is refused in words and nothing is sent', async () => {
    const { sim, fail } = await servicesEnv({ mode: 'basic' });
    const e = await fail('startCall', { customerNumber: CUSTOMER, reference: 'x'.repeat(65) });
    expect(e).toMatchObject({ kind: 'InvalidInput' });
    expect(e.message).toMatch(/at most 64/);
    expect(sim.requests.filter((r) => /PhoneManualDial/.test(r.path))).toHaveLength(0);
  });
});
