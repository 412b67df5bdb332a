import { describe, expect, it } from 'vitest';
import type { ParticipantView, Snapshot } from '../../../shared/session';
import type { Simulator } from '../../../electron/simulator/server';
import { actionsSent } from '../../support/sim-env';
import { journalOnDisk, life, until, world, type Life } from './lives';

const SUPERVISOR = '09811112222';
const BILLING = '09822223333';

type Toggle = 'MUTE' | 'HOLD';
interface Step {
  name: string;
  action: 'CONFERENCE' | Toggle;
  number: string;
  run(l: Life, snap: Snapshot): Promise<unknown>;
}

const idOf = (snap: Snapshot, number: string) =>
  snap.session!.participants.find((p) => p.number === number)!.id;

/** The scripted session: add two, mute one, hold the other. */
const STEPS: Step[] = [
  {
    name: 'add Supervisor',
    action: 'CONFERENCE',
    number: SUPERVISOR,
    run: (l) => l.call('addParticipant', { number: SUPERVISOR, sip: false, label: 'Supervisor' }),
  },
  {
    name: 'add Billing',
    action: 'CONFERENCE',
    number: BILLING,
    run: (l) => l.call('addParticipant', { number: BILLING, sip: false, label: 'Billing' }),
  },
  {
    name: 'mute Billing',
    action: 'MUTE',
    number: BILLING,
    run: (l, snap) => l.call('toggleMute', { id: idOf(snap, BILLING) }),
  },
  {
    name: 'hold Supervisor',
    action: 'HOLD',
    number: SUPERVISOR,
    run: (l, snap) => l.call('toggleHold', { id: idOf(snap, SUPERVISOR) }),
  },
];

type Row = Pick<ParticipantView, 'number' | 'state' | 'held' | 'muted'> & { unanswered: string | null };
const confirmed = (number: string, over: Partial<Row> = {}): Row => ({
  number,
  state: 'connected',
  held: false,
  muted: false,
  unanswered: null,
  ...over,
});

/** What the rules say the restored rows are after a kill at `step`, `point`. */
function expectedRows(step: number, point: KillPoint): Row[] {
  const rows: Row[] = [];
  const answered = (i: number) => i < step || (i === step && point === 'after the answer');
  STEPS.forEach((s, i) => {
    if (i > step) return;
    if (s.action === 'CONFERENCE') {
      rows.push(answered(i) ? confirmed(s.number) : confirmed(s.number, { state: 'unknown' }));
      return;
    }
    const row = rows.find((r) => r.number === s.number)!;
    if (answered(i)) Object.assign(row, s.action === 'MUTE' ? { muted: true } : { held: true });
    else row.unanswered = s.action;
  });
  return rows;
}

type KillPoint = 'before the request' | 'after it left' | 'after the answer';
const POINTS: KillPoint[] = ['before the request', 'after it left', 'after the answer'];

function rows(snap: Snapshot): Row[] {
  return snap.session!.participants.map((p) => ({
    number: p.number,
    state: p.state,
    held: p.held,
    muted: p.muted,
    unanswered: p.unanswered ?? null,
  }));
}

const intent = (number: string, action: string) =>
  new RegExp(`"number":"${number}"[^{}]*"pending":"${action}"`);

/** Runs the session up to `step` and kills the first life at `point` of it. */
async function killAt(sim: Simulator, first: Life, ucid: string, step: number, point: KillPoint) {
  let snap = await first.call('setUcid', { text: ucid });
  for (let i = 0; i < step; i++) {
    await STEPS[i]!.run(first, snap);
    await first.services.settled();
    snap = await first.call('getSnapshot', {});
  }
  const s = STEPS[step]!;
  const path = /callcontrol/i;
  if (point === 'before the request') {
    // The intent lands on disk, then the process dies: CloudAgent never gets the request.
    sim.injectFault({ kind: 'noAnswer' }, { path });
    const landed = first.io.killAfterWriteOf(intent(s.number, s.action));
    const sent = actionsSent(sim).length;
    void STEPS[step]!.run(first, snap).catch(() => undefined);
    await landed;
    // A dial's intent lands before its request leaves (synchronously); the dead life's request, which
    // CloudAgent does not act on, is counted before the second life starts.
    await until(() => actionsSent(sim).length > sent, 'the request to reach CloudAgent');
  } else if (point === 'after it left') {
    // CloudAgent acts on the request; its answer is on its way when the process dies.
    sim.injectFault({ kind: 'latency', ms: 60_000 }, { path });
    const landed = first.io.killAfterWriteOf(intent(s.number, s.action));
    const sent = actionsSent(sim).length;
    void STEPS[step]!.run(first, snap).catch(() => undefined);
    await landed;
    await until(() => actionsSent(sim).length > sent, 'the request to reach CloudAgent');
  } else {
    await STEPS[step]!.run(first, snap);
    await first.services.settled();
    await first.services.journal.flush();
    first.io.kill();
  }
  return snap.session!.startedAt;
}

describe('a dial survives a kill in the instant its request leaves', () => {
  it('with the disk too slow for any asynchronous write, the intent is on disk: "may be ringing", never forgotten', async () => {
    const { sim, dataDir, ucid } = await world();
    const first = await life(sim, dataDir, true);
    await first.call('setUcid', { text: ucid });
    await first.services.journal.flush();
    first.io.stallAsyncWrites();
    sim.injectFault({ kind: 'latency', ms: 60_000 }, { path: /callcontrol/i });
    const sent = actionsSent(sim).length;
    void first
      .call('addParticipant', { number: SUPERVISOR, sip: false, label: 'Supervisor' })
      .catch(() => undefined);
    await until(() => actionsSent(sim).length > sent, 'the dial to reach CloudAgent');
    first.io.kill();

    const second = await life(sim, dataDir, false);
    const snap = await second.call('getSnapshot', {});
    expect(snap.restore).toMatchObject({ kind: 'restored' });
    const p = snap.session!.participants.find((x) => x.number === SUPERVISOR);
    expect(p).toMatchObject({ state: 'unknown', lastError: { message: expect.stringMatching(/was sent/) } });
    // Nothing re-dialled by itself; the agent sees Retry dial.
    await second.services.settled();
    expect(actionsSent(sim).slice(sent)).toEqual([`CONFERENCE ${SUPERVISOR}`]);
  });
});

describe('a call survives a kill at every step of a scripted session', () => {
  for (let step = 0; step < STEPS.length; step++) {
    for (const point of POINTS) {
      it(`${STEPS[step]!.name}, killed ${point}: restored exactly as the rules say, and it works`, async () => {
        const { sim, dataDir, ucid } = await world();
        const first = await life(sim, dataDir, true);
        const startedAt = await killAt(sim, first, ucid, step, point);
        const sentBefore = actionsSent(sim).length;

        const second = await life(sim, dataDir, false);
        let snap = await second.call('getSnapshot', {});
        expect(snap.restore).toMatchObject({ kind: 'restored' });
        expect(snap.session).toMatchObject({ ucid, status: 'live', startedAt });
        expect(rows(snap)).toEqual(expectedRows(step, point));
        await second.services.settled();
        // Restore, never replay: nothing was sent by itself.
        expect(actionsSent(sim)).toHaveLength(sentBefore);

        const s = STEPS[step]!;
        const p = snap.session!.participants.find((x) => x.number === s.number)!;
        const atSim = () => sim.getCall(ucid)!.participants.get(s.number);
        if (point !== 'after the answer') {
          expect(p.lastError?.message).toMatch(/was sent; CloudAgent's answer was not seen/);
          // The agent checks and sends it again: one press, one request.
          if (s.action === 'CONFERENCE') snap = await second.call('retryDial', { id: p.id });
          else if (s.action === 'MUTE') snap = await second.call('toggleMute', { id: p.id });
          else snap = await second.call('toggleHold', { id: p.id });
          await second.services.settled();
          expect(actionsSent(sim).slice(sentBefore)).toEqual([`${s.action} ${s.number}`]);
          snap = await second.call('getSnapshot', {});
          expect(snap.session!.participants.find((x) => x.id === p.id)).toMatchObject({
            state: 'connected',
            unanswered: null,
            lastError: null,
          });
        } else if (s.action !== 'CONFERENCE') {
          // Resume sends UNHOLD for that number, Unmute UNMUTE.
          if (s.action === 'MUTE') await second.call('toggleMute', { id: p.id });
          else await second.call('toggleHold', { id: p.id });
          await second.services.settled();
          expect(actionsSent(sim).slice(sentBefore)).toEqual([`UN${s.action} ${s.number}`]);
          expect(atSim()).toMatchObject({ muted: false, held: false });
        }
        if (s.action === 'MUTE' && point !== 'after the answer')
          expect(atSim()).toMatchObject({ muted: true });
        if (s.action === 'HOLD' && point !== 'after the answer')
          expect(atSim()).toMatchObject({ held: true });

        // End ends, the journal goes with the call, and the history is one session across both lives.
        snap = await second.call('endForAgent', {});
        expect(snap.session!.status).toBe('ended');
        await second.services.journal.flush();
        expect(journalOnDisk(dataDir)).toBe(false);
        const history = await second.call('historySession', { ucid });
        expect(history.filter((e) => e.action === 'KICK_CALL')).toHaveLength(1);
        expect(history.filter((e) => e.action === 'CONFERENCE').length).toBeGreaterThanOrEqual(1);
      });
    }
  }

  it('an open call with no participant yet comes back too, with its start time', async () => {
    const { sim, dataDir, ucid } = await world();
    const first = await life(sim, dataDir, true);
    const opened = await first.call('setUcid', { text: ucid });
    await first.services.journal.flush();
    first.io.kill();
    const second = await life(sim, dataDir, false);
    const snap = await second.call('getSnapshot', {});
    expect(snap.session).toMatchObject({ ucid, participants: [], startedAt: opened.session!.startedAt });
  });

  it('the add field draft is journaled with the call and comes back with it', async () => {
    const { sim, dataDir, ucid } = await world();
    const first = await life(sim, dataDir, true);
    expect(await first.call('rememberDraft', { add: '98123' })).toEqual({ kept: false });
    await first.call('setUcid', { text: ucid });
    expect(await first.call('rememberDraft', { add: '98123 45' })).toEqual({ kept: true });
    await first.services.journal.flush();
    first.io.kill();
    const second = await life(sim, dataDir, false);
    expect((await second.call('getSnapshot', {})).restore).toMatchObject({
      kind: 'restored',
      draft: '98123 45',
    });
  });
});
