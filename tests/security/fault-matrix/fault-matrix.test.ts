import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../../shared/errors';
import type { ParticipantView, Snapshot } from '../../../shared/session';
import type { ApiMode } from '../../../shared/cloudagent';
import { DEMO_ACCOUNT } from '../../../electron/simulator/accounts';
import { servicesEnv, type ServicesEnv } from '../../support/services-env';
import { connectionRefused, injectOn, refusalOn } from './faults';

// Every action × every API mode × every fault the simulator injects: the error kind the agent is shown,
// the participant's state afterwards (only what a success confirmed), no second CONFERENCE for one add,
// and that the next action works once the fault is gone.
const TIMEOUT_MS = 1000;
const PARTY = '09811112222';
const OTHER = '09855556666';
const MODES: ApiMode[] = ['legacy', 'basic', 'token'];
type Action = 'CONFERENCE' | 'MUTE' | 'UNMUTE' | 'HOLD' | 'UNHOLD' | 'KICK_CALL';
const ACTIONS: Action[] = ['CONFERENCE', 'MUTE', 'UNMUTE', 'HOLD', 'UNHOLD', 'KICK_CALL'];

interface FaultCase {
  name: string;
  apply: (env: ServicesEnv, ucid: string, mode: ApiMode) => void | Promise<void>;
  /** Undoes what `apply` changed outside the simulator, before the next action. */
  restore?: (env: ServicesEnv) => Promise<void>;
  /** The kinds the agent may be shown; null = the action must succeed. */
  kinds: ErrorKind[] | null | ((mode: ApiMode) => ErrorKind[] | null);
  /** The error must be shown (no silent recovery by a retry). */
  strict?: boolean;
  /** CONFERENCE requests one add may send (default 1). */
  conferences?: (mode: ApiMode) => number;
}
const CALL_CONTROL = /callcontrol/i;
const inject = injectOn(CALL_CONTROL);
const refusal = refusalOn(CALL_CONTROL, (message) => ({ status: 'false', message, data: null }));

const FAULTS: FaultCase[] = [
  { name: 'no answer', apply: inject({ kind: 'noAnswer' }), kinds: ['Timeout'] },
  { name: 'reset mid-answer', apply: inject({ kind: 'reset' }), kinds: ['Network'] },
  { name: 'HTML 5xx', apply: inject({ kind: 'html5xx' }), kinds: ['BadResponse', 'Network'] },
  { name: 'malformed JSON', apply: inject({ kind: 'malformed' }), kinds: ['BadResponse'] },
  { name: 'empty body', apply: inject({ kind: 'empty' }), kinds: ['BadResponse'] },
  { name: 'Call not Found', apply: (env, ucid) => env.sim.endCall(ucid), kinds: ['CallNotFound'] },
  {
    name: 'an answer just under the timeout',
    apply: inject({ kind: 'latency', ms: TIMEOUT_MS - 250 }),
    kinds: null,
  },
  { name: 'connection refused', ...connectionRefused, kinds: ['Network'], strict: true },
  // The server did the action and answered in another shape: the body decides, so both read as success.
  { name: 'XML where JSON was asked', apply: inject({ kind: 'reshape', as: 'xml' }), kinds: null },
  { name: 'JSON labelled text/html', apply: inject({ kind: 'reshape', as: 'textHtml' }), kinds: null },
  {
    // Token mode renews the token once and retries (the first request was refused before it dialled, so
    // a CONFERENCE is sent twice for one dial); without a token it means the account uses token auth.
    name: 'Token Expired',
    // The token must predate the action: one generated for this very action and refused at once is not
    // renewed (a newer one would be refused too; client.ts), so CONFERENCE first dials someone else.
    apply: async (env, ucid, mode) => {
      if (mode === 'token' && !env.sim.tokenFor(DEMO_ACCOUNT.userName))
        await env.call('addParticipant', { number: OTHER, sip: false });
      await refusal('Token Expired')(env, ucid, mode);
    },
    kinds: (mode) => (mode === 'token' ? null : ['AuthFailed']),
    strict: true,
    conferences: (mode) => (mode === 'token' ? 2 : 1),
  },
  {
    name: 'invalid number',
    apply: refusal('Please pass valid Conference number'),
    kinds: ['InvalidNumber'],
    strict: true,
  },
];

function party(s: Snapshot): ParticipantView | undefined {
  return s.session?.participants.find((p) => p.number === PARTY);
}

function conferenceRequests(env: ServicesEnv): number {
  return env.sim.requests.filter((r) => {
    if (!CALL_CONTROL.test(r.path)) return false;
    const fields = r.method === 'GET' ? r.query : (JSON.parse(r.body || '{}') as Record<string, string>);
    return fields.action === 'CONFERENCE' && fields.conferenceNumber === PARTY;
  }).length;
}

/** Brings the participant to the state the action starts from (muted before UNMUTE, held before UNHOLD). */
async function prepare(env: ServicesEnv, action: Action): Promise<string | null> {
  if (action === 'CONFERENCE') return null;
  const s = await env.call('addParticipant', { number: PARTY, sip: false });
  const id = party(s)!.id;
  if (action === 'UNMUTE') await env.call('toggleMute', { id });
  if (action === 'UNHOLD') await env.call('toggleHold', { id });
  return id;
}

async function act(env: ServicesEnv, action: Action, id: string | null) {
  if (action === 'CONFERENCE') return env.services.invoke('addParticipant', { number: PARTY, sip: false });
  if (action === 'MUTE' || action === 'UNMUTE') return env.services.invoke('toggleMute', { id: id! });
  if (action === 'HOLD' || action === 'UNHOLD') return env.services.invoke('toggleHold', { id: id! });
  return env.services.invoke('dropParticipant', { id: id! });
}

describe.each(MODES)('fault matrix, %s mode', (mode) => {
  it.each(ACTIONS.flatMap((a) => FAULTS.map((f) => [a, f.name] as const)))(
    '%s with %s',
    async (action, faultName) => {
      const fault = FAULTS.find((f) => f.name === faultName)!;
      const env = await servicesEnv({ mode, timeoutMs: TIMEOUT_MS });
      // A per-row drop exists only under the participant-number KICK_CALL rule (the agent-number rule
      // would disconnect everyone, so the toolbar refuses it before anything is sent).
      if (action === 'KICK_CALL')
        await env.call('updateSettings', { patch: { account: { kickNumber: 'participant' } } });
      const ucid = env.sim.createCall({ agentPhoneName: 'demo-phone' });
      await env.call('setUcid', { text: ucid });
      const id = await prepare(env, action);
      const before = party((await env.call('getSnapshot', {})) as Snapshot);
      const conferencesBefore = conferenceRequests(env);

      await fault.apply(env, ucid, mode);
      const result = await act(env, action, id);
      // Toggles answer at once and converge in the background: wait until nothing is pending.
      let after = (await env.call('getSnapshot', {})) as Snapshot;
      for (let i = 0; i < 100 && party(after)?.pending; i++) {
        await new Promise((r) => setTimeout(r, 50));
        after = (await env.call('getSnapshot', {})) as Snapshot;
      }
      const p = party(after);
      const shown = result.ok ? (p?.lastError?.kind ?? null) : result.error.kind;

      // What the server confirmed is what the toolbar shows: never muted or held unless a success said so
      // (a transient fault may be retried by the client and then succeed; that success is shown).
      const truth = env.sim.getCall(ucid)?.participants.get(PARTY);
      if (p && truth && p.state === 'connected') {
        expect({ muted: p.muted, held: p.held }).toEqual({ muted: truth.muted, held: truth.held });
      }
      const kinds = typeof fault.kinds === 'function' ? fault.kinds(mode) : fault.kinds;
      if (kinds === null) {
        expect(result.ok, JSON.stringify(result)).toBe(true);
        expect(shown).toBeNull();
      } else if (shown !== null || faultName === 'Call not Found' || fault.strict) {
        expect(kinds).toContain(shown);
      }
      expect(before === undefined || p !== undefined).toBe(true);
      // One add, at most one CONFERENCE request: a failure is never silently retried into a second dial.
      expect(conferenceRequests(env) - conferencesBefore).toBeLessThanOrEqual(
        action === 'CONFERENCE' ? (fault.conferences?.(mode) ?? 1) : 0,
      );
      // However many requests, the party was dialled at most once.
      expect(
        [...(env.sim.getCall(ucid)?.participants.keys() ?? [])].filter((n) => n === PARTY).length,
      ).toBeLessThanOrEqual(1);

      // The fault is gone: the next action works (on a fresh live call when this one ended).
      env.sim.clearFaults();
      await fault.restore?.(env);
      if (faultName === 'Call not Found' || after.session?.status !== 'live') {
        await env.call('clearSession', {});
        await env.call('setUcid', { text: env.sim.createCall({ agentPhoneName: 'demo-phone' }) });
      }
      const next = await env.services.invoke('addParticipant', { number: '09833334444', sip: false });
      expect(next.ok, JSON.stringify(next)).toBe(true);
    },
  );
});
