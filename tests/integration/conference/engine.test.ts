import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/history';
import type { ToastEvent } from '../../../shared/session';
import { ConferenceEngine, type EngineDeps } from '../../../electron/core/conference/engine';
import type { KickNumberRule } from '../../../electron/core/conference/kick-rule';
import type { ApiMode } from '../../../shared/cloudagent';
import type { Simulator } from '../../../electron/simulator/server';
import { AGENT_NUMBER, actionsSent, demoClient, fakeClock, simulator } from '../../support/sim-env';

const CUSTOMER_A = '09811112222';
const CUSTOMER_B = '09822223333';

async function setup(
  opts: { mode?: ApiMode; timeoutMs?: number; kick?: KickNumberRule; numberFormat?: 'in' | 'intl' } = {},
) {
  const sim = await simulator({ numberFormat: opts.numberFormat });
  const clock = fakeClock();
  const client = demoClient(sim, opts.mode ?? 'token', { timeoutMs: opts.timeoutMs, now: clock.now });
  const history: HistoryEntry[] = [];
  const notices: ToastEvent[] = [];
  let changes = 0;
  const deps: EngineDeps = {
    client: () => client,
    now: clock.now,
    region: () => 'in',
    agentNumber: () => AGENT_NUMBER,
    kickRule: () => opts.kick ?? 'agent',
    mode: () => opts.mode ?? 'token',
    demo: () => false,
    record: (e) => history.push(e),
    notify: (e) => notices.push(e),
    changed: () => changes++,
  };
  const engine = new ConferenceEngine(deps);
  const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
  engine.setUcid(ucid);
  await engine.settled();
  return { sim, clock, engine, history, notices, ucid, changes: () => changes };
}

function participant(engine: ConferenceEngine, index = 0) {
  const p = engine.view()!.participants[index];
  if (!p) throw new Error(`no participant ${index}`);
  return p;
}

function simParticipant(sim: Simulator, ucid: string, number: string) {
  return sim.getCall(ucid)!.participants.get(number);
}

describe('conference engine against the simulator', () => {
  it('adds a participant: dialing, then connected with a timestamp', async () => {
    const { engine, sim, ucid, clock } = await setup();
    const adding = engine.add({ number: '+91 98111-12222', sip: false, label: 'Supervisor' });
    expect(participant(engine).state).toBe('dialing');
    expect(participant(engine).pending).toBe('CONFERENCE');
    await adding;
    const p = participant(engine);
    expect(p).toMatchObject({ number: CUSTOMER_A, label: 'Supervisor', state: 'connected', pending: null });
    expect(p.connectedAt).toBe(clock.now());
    expect(simParticipant(sim, ucid, CUSTOMER_A)?.state).toBe('connected');
    expect(engine.view()!.selectedId).toBe(p.id);
  });

  it('mute, unmute, mute pressed fast sends one MUTE and ends muted', async () => {
    const { engine, sim, ucid } = await setup();
    await engine.add({ number: CUSTOMER_A, sip: false });
    sim.clearRequests();
    const id = participant(engine).id;
    engine.toggleMute(id);
    engine.toggleMute(id);
    engine.toggleMute(id);
    expect(participant(engine).pending).toBe('MUTE');
    await engine.settled();
    expect(actionsSent(sim)).toEqual([`MUTE ${CUSTOMER_A}`]);
    expect(participant(engine)).toMatchObject({ muted: true, desiredMuted: true, pending: null });
    expect(simParticipant(sim, ucid, CUSTOMER_A)?.muted).toBe(true);
  });

  it('two quick presses converge in order, never two requests in flight for one participant', async () => {
    const { engine, sim, ucid } = await setup();
    await engine.add({ number: CUSTOMER_A, sip: false });
    sim.clearRequests();
    sim.injectFault({ kind: 'latency', ms: 80 }, { times: 4 });
    const id = participant(engine).id;
    engine.toggleMute(id);
    engine.toggleMute(id);
    engine.toggleHold(id);
    await engine.settled();
    expect(actionsSent(sim)).toEqual([`MUTE ${CUSTOMER_A}`, `UNMUTE ${CUSTOMER_A}`, `HOLD ${CUSTOMER_A}`]);
    // Each request arrived only after the previous one was answered (80 ms of latency each).
    const times = sim.requests.filter((r) => /callcontrol/i.test(r.path)).map((r) => r.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(70);
    expect(participant(engine)).toMatchObject({ muted: false, held: true });
    expect(simParticipant(sim, ucid, CUSTOMER_A)).toMatchObject({ muted: false, held: true });
  });

  it('participants are independent: a toggle on one does not wait for the other', async () => {
    const { engine, sim } = await setup();
    await engine.add({ number: CUSTOMER_A, sip: false });
    await engine.add({ number: CUSTOMER_B, sip: false });
    const [a, b] = engine.view()!.participants;
    sim.clearRequests();
    engine.toggleHold(a!.id);
    engine.toggleHold(b!.id);
    expect(participant(engine, 0).pending).toBe('HOLD');
    expect(participant(engine, 1).pending).toBe('HOLD');
    await engine.settled();
    expect(actionsSent(sim).sort()).toEqual([`HOLD ${CUSTOMER_A}`, `HOLD ${CUSTOMER_B}`]);
  });

  it('retries a toggle once after a network error', async () => {
    const { engine, sim } = await setup({ mode: 'basic' });
    await engine.add({ number: CUSTOMER_A, sip: false });
    sim.clearRequests();
    sim.injectFault({ kind: 'reset' }, { times: 1, path: /callcontrol/i });
    engine.toggleHold(participant(engine).id);
    await engine.settled();
    expect(actionsSent(sim)).toEqual([`HOLD ${CUSTOMER_A}`, `HOLD ${CUSTOMER_A}`]);
    expect(participant(engine)).toMatchObject({ held: true, lastError: null });
  });

  it('gives up after the retry fails, restores the desired state and tells the agent', async () => {
    const { engine, sim, notices } = await setup({ mode: 'legacy' });
    await engine.add({ number: CUSTOMER_A, sip: false });
    sim.clearRequests();
    sim.injectFault({ kind: 'reset' }, { times: 2, path: /callcontrol/i });
    engine.toggleMute(participant(engine).id);
    await engine.settled();
    expect(actionsSent(sim)).toHaveLength(2);
    expect(participant(engine)).toMatchObject({ muted: false, desiredMuted: false, pending: null });
    expect(participant(engine).lastError?.kind).toBe('Network');
    expect(notices.map((n) => n.kind)).toEqual(['Network']);
    // One message naming the participant and the action, tied to the participant so the next outcome replaces it.
    expect(notices[0]).toMatchObject({
      level: 'error',
      message: expect.stringMatching(new RegExp(`^Mute ${CUSTOMER_A}: `)),
      participantId: participant(engine).id,
    });
  });

  it('does not retry a toggle the server refused', async () => {
    const { engine, sim, ucid, notices } = await setup();
    await engine.add({ number: CUSTOMER_A, sip: false });
    // CloudAgent no longer knows this participant (e.g. they hung up): the refusal is final.
    sim.getCall(ucid)!.participants.delete(CUSTOMER_A);
    sim.clearRequests();
    engine.toggleMute(participant(engine).id);
    await engine.settled();
    expect(actionsSent(sim)).toEqual([`MUTE ${CUSTOMER_A}`]);
    expect(notices[0]?.kind).toBe('InvalidNumber');
  });

  it('never retries CONFERENCE: a timeout leaves the participant unknown until the agent retries', async () => {
    const { engine, sim } = await setup({ timeoutMs: 300 });
    sim.injectFault({ kind: 'noAnswer' }, { times: 1, path: /callcontrol/i });
    await expect(engine.add({ number: CUSTOMER_A, sip: false })).rejects.toMatchObject({ kind: 'Timeout' });
    expect(participant(engine).state).toBe('unknown');
    expect(participant(engine).lastError?.kind).toBe('Timeout');
    // The remedy never says "try again" to a dial that may be ringing.
    expect(participant(engine).lastError?.remedy).toMatch(/may be ringing.*only if it is not/);
    expect(participant(engine).lastError?.remedy).not.toMatch(/try again/i);
    await engine.settled();
    expect(actionsSent(sim)).toEqual([`CONFERENCE ${CUSTOMER_A}`]);
    // Adding the same number again is refused: it may be ringing.
    await expect(engine.add({ number: CUSTOMER_A, sip: false })).rejects.toMatchObject({ kind: 'Duplicate' });
    await engine.retryDial(participant(engine).id);
    expect(participant(engine).state).toBe('connected');
    expect(actionsSent(sim)).toEqual([`CONFERENCE ${CUSTOMER_A}`, `CONFERENCE ${CUSTOMER_A}`]);
  });

  it('refuses a number already in the call and an invalid number without sending anything', async () => {
    const { engine, sim } = await setup();
    await engine.add({ number: CUSTOMER_A, sip: false });
    sim.clearRequests();
    await expect(engine.add({ number: '98111 12222', sip: false })).rejects.toMatchObject({
      kind: 'Duplicate',
    });
    await expect(engine.add({ number: '12345', sip: false })).rejects.toMatchObject({ kind: 'InvalidInput' });
    expect(sim.requests).toHaveLength(0);
    expect(engine.view()!.participants).toHaveLength(1);
  });

  it('a number the server refuses marks the participant failed, and it may be dialled again', async () => {
    // The app is set to India's format but the instance expects E.164: CloudAgent refuses the number.
    const { engine, sim } = await setup({ numberFormat: 'intl' });
    await expect(engine.add({ number: CUSTOMER_A, sip: false })).rejects.toMatchObject({
      kind: 'InvalidNumber',
      message: expect.stringMatching(/Please pass valid Conference number/),
    });
    expect(participant(engine)).toMatchObject({ state: 'failed', pending: null });
    expect(actionsSent(sim)).toEqual([`CONFERENCE ${CUSTOMER_A}`]);
    await expect(engine.retryDial(participant(engine).id)).rejects.toMatchObject({ kind: 'InvalidNumber' });
    expect(actionsSent(sim)).toHaveLength(2);
  });

  it('passes a SIP address as typed, with sip=true', async () => {
    const { engine, sim } = await setup({ mode: 'legacy' });
    await engine.add({ number: 'bob@sip.example.com', sip: true });
    expect(participant(engine)).toMatchObject({
      number: 'bob@sip.example.com',
      sip: true,
      state: 'connected',
    });
    expect(sim.requests.at(-1)?.query).toMatchObject({
      conferenceNumber: 'bob@sip.example.com',
      sip: 'true',
    });
  });

  it('Call not Found ends the session read-only with the reason', async () => {
    const { engine, sim, ucid } = await setup();
    await engine.add({ number: CUSTOMER_A, sip: false });
    sim.endCall(ucid);
    engine.toggleMute(participant(engine).id);
    await engine.settled();
    const view = engine.view()!;
    expect(view.status).toBe('ended');
    expect(view.endedReason).toMatch(/Call not Found/);
    await expect(engine.add({ number: CUSTOMER_B, sip: false })).rejects.toMatchObject({
      kind: 'SessionEnded',
    });
    expect(() => engine.toggleHold(participant(engine).id)).toThrow(/Call not Found/);
    // A new ucid can be pasted.
    const next = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    engine.setUcid(`https://crm.example.com/calls?ucid=${next}&tab=1`);
    expect(engine.view()).toMatchObject({ ucid: next, status: 'live', participants: [] });
  });

  it('under the agent-number rule a per-row drop is refused, since KICK_CALL would disconnect everyone', async () => {
    const { engine, sim, ucid } = await setup();
    await engine.add({ number: CUSTOMER_A, sip: false });
    await engine.add({ number: CUSTOMER_B, sip: false });
    sim.clearRequests();
    await expect(engine.drop(participant(engine, 0).id)).rejects.toMatchObject({
      kind: 'InvalidInput',
      message: expect.stringMatching(/disconnect everyone/),
      remedy: expect.stringMatching(/End \(E\).*Settings → Account → Advanced → Number sent with KICK_CALL/),
    });
    expect(sim.requests).toHaveLength(0);
    expect(engine.view()!.participants.map((p) => p.state)).toEqual(['connected', 'connected']);
    expect(simParticipant(sim, ucid, CUSTOMER_B)?.state).toBe('connected');
  });

  it('drop can send the participant number when the advanced rule says so', async () => {
    const { engine, sim, ucid } = await setup({ kick: 'participant' });
    await engine.add({ number: CUSTOMER_A, sip: false });
    await engine.add({ number: CUSTOMER_B, sip: false });
    sim.clearRequests();
    await engine.drop(participant(engine, 0).id);
    expect(actionsSent(sim)).toEqual([`KICK_CALL ${CUSTOMER_A}`]);
    expect(engine.view()!.participants.map((p) => p.state)).toEqual(['dropped', 'connected']);
    expect(simParticipant(sim, ucid, CUSTOMER_B)?.state).toBe('connected');
    // A dropped number may be dialled again.
    await engine.add({ number: CUSTOMER_A, sip: false });
    expect(participant(engine, 2).state).toBe('connected');
  });

  it('end for the agent sends KICK_CALL with the agent number and closes the session', async () => {
    const { engine, sim } = await setup();
    await engine.add({ number: CUSTOMER_A, sip: false });
    sim.clearRequests();
    await engine.endForAgent();
    expect(actionsSent(sim)).toEqual([`KICK_CALL ${AGENT_NUMBER}`]);
    expect(engine.view()).toMatchObject({
      status: 'ended',
      endedReason: 'You ended the conference: everyone was disconnected.',
    });
  });

  it('starts a call with Phone Manual Dial and opens its session', async () => {
    const { engine, sim } = await setup();
    engine.clear();
    await engine.startCall('98111 12222');
    const view = engine.view()!;
    expect(sim.getCall(view.ucid)?.live).toBe(true);
    expect(view.status).toBe('live');
  });

  it('records every request in the history with outcome and latency', async () => {
    const { engine, sim, ucid, history } = await setup();
    await engine.add({ number: CUSTOMER_A, sip: false });
    sim.endCall(ucid);
    await expect(engine.endForAgent()).rejects.toMatchObject({ kind: 'CallNotFound' });
    expect(history.map((h) => [h.action, h.outcome])).toEqual([
      ['CONFERENCE', 'ok'],
      ['KICK_CALL', 'CallNotFound'],
    ]);
    expect(history[0]).toMatchObject({ ucid, participant: CUSTOMER_A, mode: 'token', message: 'dialing' });
    expect(typeof history[0]!.latencyMs).toBe('number');
  });

  it('works the same in every API mode', async () => {
    for (const mode of ['legacy', 'basic', 'token'] as const) {
      const { engine, sim, ucid } = await setup({ mode });
      await engine.add({ number: CUSTOMER_A, sip: false });
      const id = participant(engine).id;
      engine.toggleMute(id);
      engine.toggleHold(id);
      await engine.settled();
      engine.toggleHold(id);
      engine.toggleMute(id);
      await engine.settled();
      expect(actionsSent(sim).map((a) => a.split(' ')[0])).toEqual([
        'CONFERENCE',
        'MUTE',
        'HOLD',
        'UNHOLD',
        'UNMUTE',
      ]);
      expect(simParticipant(sim, ucid, CUSTOMER_A)).toMatchObject({ muted: false, held: false });
    }
  });
});
