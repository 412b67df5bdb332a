import { describe, expect, it } from 'vitest';
import { INVOKE_NAMES } from '../../../shared/contract';
import type { Snapshot } from '../../../shared/session';
import { servicesEnv } from '../../support/services-env';
import { actionsSent } from '../../support/sim-env';

const SUPERVISOR = '09811112222';
const BILLING = '+91 98222-23333';

function byNumber(snap: Snapshot, number: string) {
  const p = snap.session?.participants.find((x) => x.number === number);
  if (!p) throw new Error(`no participant ${number}`);
  return p;
}

describe('services: a whole session through the handler table', () => {
  for (const mode of ['legacy', 'basic', 'token'] as const) {
    it(`runs set ucid → add two → mute/hold/unhold each → drop one → end (${mode})`, async () => {
      const { sim, services, call } = await servicesEnv({ mode, account: { auth: 'both' } });
      const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
      let snap = await call('setUcid', { text: `https://crm.example.com/call?ucid=${ucid}` });
      expect(snap).toMatchObject({ ready: true, demo: false, session: { ucid, status: 'live', mode } });

      await call('addParticipant', { number: SUPERVISOR, sip: false, label: 'Supervisor' });
      snap = await call('addParticipant', { number: BILLING, sip: false });
      expect(snap.session!.participants.map((p) => [p.label, p.state])).toEqual([
        ['Supervisor', 'connected'],
        ['09822223333', 'connected'],
      ]);

      for (const p of snap.session!.participants) {
        await call('toggleMute', { id: p.id });
        await call('toggleHold', { id: p.id });
        await services.settled();
        await call('toggleHold', { id: p.id });
        await services.settled();
      }
      snap = await call('getSnapshot', {});
      expect(byNumber(snap, SUPERVISOR)).toMatchObject({ muted: true, held: false, heldSince: null });
      const call1 = sim.getCall(ucid)!;
      expect(call1.participants.get('09822223333')).toMatchObject({ muted: true, held: false });

      await call('updateSettings', { patch: { account: { kickNumber: 'participant' } } });
      snap = await call('dropParticipant', { id: byNumber(snap, SUPERVISOR).id });
      expect(byNumber(snap, SUPERVISOR).state).toBe('dropped');
      expect(byNumber(snap, '09822223333').state).toBe('connected');

      snap = await call('endForAgent', {});
      expect(snap.session).toMatchObject({
        status: 'ended',
        endedReason: 'You ended the conference: everyone was disconnected.',
      });
      expect(actionsSent(sim).map((a) => a.split(' ')[0])).toEqual([
        'CONFERENCE',
        'CONFERENCE',
        'MUTE',
        'HOLD',
        'UNHOLD',
        'MUTE',
        'HOLD',
        'UNHOLD',
        'KICK_CALL',
        'KICK_CALL',
      ]);

      const sessions = await call('historySessions', { limit: 10 });
      expect(sessions[0]).toMatchObject({ ucid, actions: 10, failures: 0 });
      const csv = await call('historyExportCsv', { ucid });
      expect(csv.csv.split('\n').filter(Boolean)).toHaveLength(11);
    });
  }

  it('dials a speed-dial slot from the directory and remembers recent numbers', async () => {
    const { sim, call, fail } = await servicesEnv();
    await call('addContact', {
      contact: { label: 'Billing desk', number: '98222 23333', sip: false, slot: 3 },
    });
    await call('setUcid', { text: sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' }) });
    const snap = await call('dialSpeedSlot', { slot: 3 });
    expect(snap.session!.participants[0]).toMatchObject({ label: 'Billing desk', number: '09822223333' });
    const view = await call('getSettings', {});
    expect(view.settings.recent[0]).toMatchObject({ label: 'Billing desk', sip: false });
    const err = await fail('dialSpeedSlot', { slot: 4 });
    expect(err).toMatchObject({ kind: 'InvalidInput', message: 'No contact is on speed-dial slot 4.' });
  });

  it('publishes the latest state a turn after each change, once per turn, with increasing seq', async () => {
    const { sim, call, events } = await servicesEnv();
    const snapshots = () => events.filter((e) => e.event === 'snapshot').map((e) => e.payload as Snapshot);
    await call('setUcid', { text: sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' }) });
    await call('addParticipant', { number: SUPERVISOR, sip: false });
    // Opening the call and starting the dial happened in one turn: one snapshot, sent while dialling.
    expect(snapshots().map((s) => s.session?.participants[0]?.state)).toEqual(['dialing']);
    await new Promise((r) => setImmediate(r));
    const seqs = snapshots().map((s) => s.seq);
    expect(seqs).toHaveLength(2);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const states = events
      .filter((e) => e.event === 'snapshot')
      .map((e) => (e.payload as Snapshot).session?.participants[0]?.state)
      .filter(Boolean);
    expect(states).toContain('dialing');
    expect(states.at(-1)).toBe('connected');
  });

  it('reports a toggle that failed after its retry as a toast with the remedy', async () => {
    const { sim, services, call, events } = await servicesEnv({ mode: 'basic' });
    await call('setUcid', { text: sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' }) });
    const snap = await call('addParticipant', { number: SUPERVISOR, sip: false });
    sim.injectFault({ kind: 'reset' }, { times: 2, path: /callcontrol/i });
    await call('toggleHold', { id: snap.session!.participants[0]!.id });
    await services.settled();
    const toasts = events.filter((e) => e.event === 'toast').map((e) => e.payload);
    expect(toasts).toEqual([
      expect.objectContaining({ level: 'error', kind: 'Network', remedy: expect.any(String) }),
    ]);
    expect((await call('getSnapshot', {})).session!.participants[0]).toMatchObject({
      held: false,
      desiredHeld: false,
    });
  });

  it('ends the session when a toggle meets Call not Found (shown once, in the snapshot)', async () => {
    const { sim, services, call, events } = await servicesEnv();
    const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    await call('setUcid', { text: ucid });
    const snap = await call('addParticipant', { number: SUPERVISOR, sip: false });
    sim.endCall(ucid);
    await call('toggleMute', { id: snap.session!.participants[0]!.id });
    await services.settled();
    const after = await call('getSnapshot', {});
    expect(after.session).toMatchObject({ status: 'ended' });
    expect(after.session!.endedReason).toMatch(/Call not Found/);
    expect(events.some((e) => e.event === 'toast')).toBe(false); // the ended session says it; no duplicate toast
  });

  it('is not ready until the account and key are set, and says what is missing', async () => {
    const { call } = await servicesEnv({ configure: false });
    const snap = await call('getSnapshot', {});
    expect(snap.ready).toBe(false);
    expect(snap.missing).toEqual(['user name', 'DID', 'agent phone name', 'agent number', 'API key']);
  });
});

describe('services: demo mode', () => {
  it('runs a whole session on the built-in simulator with no account', async () => {
    const { call, services } = await servicesEnv({ configure: false });
    let snap = await call('setDemo', { enabled: true });
    expect(snap).toMatchObject({ demo: true, ready: true, missing: [] });
    // The simulator's ready-made call can be opened straight away.
    expect(snap.demoUcid).toMatch(/^\d{16}$/);
    expect((await call('setUcid', { text: snap.demoUcid! })).session).toMatchObject({
      status: 'live',
      demo: true,
    });
    await call('clearSession', {});
    snap = await call('startCall', { customerNumber: '98111 12222' });
    expect(snap.session).toMatchObject({ status: 'live', demo: true });
    snap = await call('addParticipant', { number: '09822223333', sip: false });
    const id = snap.session!.participants[0]!.id;
    await call('toggleMute', { id });
    await services.settled();
    expect((await call('getSnapshot', {})).session!.participants[0]!.muted).toBe(true);
    snap = await call('endForAgent', {});
    expect(snap.session!.status).toBe('ended');
    const history = await call('historySessions', { limit: 5 });
    expect(history[0]).toMatchObject({ demo: true });
    expect((await call('getSettings', {})).settings.demo).toEqual({ enabled: true, firstRunDone: true });
    snap = await call('setDemo', { enabled: false });
    expect(snap).toMatchObject({ demo: false, demoUcid: null, ready: false, session: null });
  });
});

describe('services: the contract boundary', () => {
  it('rejects malformed input on every channel with a typed error, never a stack', async () => {
    const { fail } = await servicesEnv({ configure: false });
    for (const name of INVOKE_NAMES) {
      for (const bad of [{ unexpected: 1 }, 'text', 42, [1]]) {
        const err = await fail(name, bad);
        expect(err.kind, `${name} ${JSON.stringify(bad)}`).toBe('InvalidInput');
        expect(err.message).not.toMatch(/\n\s+at /);
        expect(err.remedy.length).toBeGreaterThan(0);
      }
    }
    expect((await fail('nope' as never, {})).kind).toBe('InvalidInput');
  });

  it('names the field in settings errors and keeps the old value', async () => {
    const { fail, call } = await servicesEnv();
    const err = await fail('updateSettings', { patch: { account: { timeoutMs: 5 } } });
    expect(err).toMatchObject({ kind: 'InvalidInput' });
    expect(err.message).toMatch(/timeoutMs/);
    expect((await call('getSettings', {})).settings.account.timeoutMs).toBe(3000);
    expect((await fail('updateSettings', { patch: { account: { apiKey: 'x' } } })).kind).toBe('InvalidInput');
  });

  it('never lets the api_key or token reach a result or an event', async () => {
    const KEY = 'SECRET-KEY-1234567890';
    const { sim, services, call, fail, events } = await servicesEnv({
      mode: 'token',
      account: { apiKey: KEY },
    });
    const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    const seen: unknown[] = [];
    seen.push(await call('setUcid', { text: ucid }));
    seen.push(await call('addParticipant', { number: SUPERVISOR, sip: false }));
    seen.push(await call('keyStatus', {}));
    seen.push(await call('getSettings', {}));
    seen.push(await call('runDoctor', {}));
    seen.push(await call('historySession', { ucid }));
    seen.push(await call('historyExportCsv', {}));
    sim.endCall(ucid);
    seen.push(await fail('addParticipant', { number: '09822223333', sip: false }));
    await services.settled();
    const token = sim.tokenFor('demo')?.token;
    expect(token).toBeTruthy();
    const text = JSON.stringify([seen, events]);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(token!);
  });
});
