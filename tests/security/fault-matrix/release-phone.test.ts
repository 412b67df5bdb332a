import { describe, expect, it } from 'vitest';
import type { ApiMode } from '../../../shared/cloudagent';
import type { ErrorKind } from '../../../shared/errors';
import { servicesEnv, type ServicesEnv } from '../../support/services-env';
import { connectionRefused, injectOn, refusalOn } from './faults';

// "Release my phone" × every API mode × every fault the simulator injects: the error kind the agent is
// shown, exactly one release request per press (it is never re-sent: a call still mapped to the phone is
// disconnected by it), and the next press works once the fault is gone.
const TIMEOUT_MS = 1000;
const MODES: ApiMode[] = ['legacy', 'basic', 'token'];
const RELEASE = /ReleaseFwpNumber/i;

interface Fault {
  name: string;
  apply: (env: ServicesEnv, ucid: string, mode: ApiMode) => void | Promise<void>;
  restore?: (env: ServicesEnv) => Promise<void>;
  /** The kinds the agent may be shown; null = the release must succeed. */
  kinds: ErrorKind[] | null;
}

const inject = injectOn(RELEASE);
const refusal = refusalOn(RELEASE, (message) => ({ status: 'error', message }));

const FAULTS: Fault[] = [
  { name: 'no answer', apply: inject({ kind: 'noAnswer' }), kinds: ['Timeout'] },
  { name: 'reset mid-answer', apply: inject({ kind: 'reset' }), kinds: ['Network'] },
  { name: 'HTML 5xx', apply: inject({ kind: 'html5xx' }), kinds: ['BadResponse', 'Network'] },
  { name: 'malformed JSON', apply: inject({ kind: 'malformed' }), kinds: ['BadResponse'] },
  { name: 'empty body', apply: inject({ kind: 'empty' }), kinds: ['BadResponse'] },
  {
    name: 'an answer just under the timeout',
    apply: inject({ kind: 'latency', ms: TIMEOUT_MS - 250 }),
    kinds: null,
  },
  { name: 'a key CloudAgent refuses', apply: refusal('userName or apiKey not valid'), kinds: ['AuthFailed'] },
  { name: 'connection refused', ...connectionRefused, kinds: ['Network'] },
];

const releases = (env: ServicesEnv) => env.sim.requests.filter((r) => RELEASE.test(r.path)).length;

describe.each(MODES)('release my phone, fault matrix, %s mode', (mode) => {
  it.each(FAULTS.map((f) => f.name))('%s', async (faultName) => {
    const fault = FAULTS.find((f) => f.name === faultName)!;
    const env = await servicesEnv({ mode, timeoutMs: TIMEOUT_MS });
    env.sim.setPhoneState('demo-phone', 'stuck');
    const before = releases(env);

    await fault.apply(env, '', mode);
    const result = await env.services.invoke('releasePhone', {});
    if (fault.kinds === null) {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true, value: { numbers: ['09800000001'] } });
    } else {
      expect(result.ok, JSON.stringify(result)).toBe(false);
      if (!result.ok) {
        expect(fault.kinds).toContain(result.error.kind);
        // In words, never a stack trace or a page (a bad answer is quoted as a short snippet).
        expect(result.error.message).not.toMatch(/\n\s+at |<html|<body/i);
        expect(result.error.remedy.length).toBeGreaterThan(0);
      }
    }
    // One press, at most one request: a release is never re-sent by itself (none when the host refused).
    await new Promise((r) => setTimeout(r, 50));
    expect(releases(env) - before).toBeLessThanOrEqual(1);

    // The fault is gone: the next press frees a stuck phone.
    env.sim.clearFaults();
    await fault.restore?.(env);
    env.sim.setPhoneState('demo-phone', 'stuck');
    const next = await env.services.invoke('releasePhone', {});
    expect(next, JSON.stringify(next)).toMatchObject({ ok: true, value: { numbers: ['09800000001'] } });
  });
});
