/**
 * The conference engine: one ucid's session, driven by the agent's presses, kept in step with CloudAgent.
 * It is longer than most files on purpose: the session state, the one-request-per-participant rule and the
 * replay of presses made while a request is in flight are one state machine, and splitting it would put
 * the invariants on both sides of a module boundary. The pure parts live beside it (participant.ts:
 * toggles and views; kick-rule.ts: which number KICK_CALL sends; ucid.ts: reading a ucid).
 */
import { AppError } from '../../../shared/errors';
import type { HistoryEntry } from '../../../shared/history';
import { normalizeNumber, type Region } from '../../../shared/phone';
import { NO_ROW_DROP_MESSAGE, NO_ROW_DROP_REMEDY } from '../../../shared/kick-rule';
import type { SessionView, ToastEvent } from '../../../shared/session';
import type { CallControlResult, CloudAgentClient, ManualDialRequest } from '../cloudagent/types';
import type { Action, ApiMode } from '../../../shared/cloudagent';
import { planKick, type KickNumberRule } from './kick-rule';
import {
  applyToggle,
  newParticipant,
  settleUnanswered,
  nextToggle,
  occupiesNumber,
  viewOf,
  type Participant,
} from './participant';
import { parseUcid } from './ucid';
import { MAYBE_RINGING_REMEDY, VERB } from './verbs';
import type { JournaledSession } from '../session/record';

/** What the engine reads from the rest of the app at the moment of each action. */
export interface EngineDeps {
  client(): CloudAgentClient;
  now(): number;
  region(): Region;
  agentNumber(): string;
  kickRule(): KickNumberRule;
  mode(): ApiMode;
  demo(): boolean;
  /** Every request's outcome, for the history. */
  record(entry: HistoryEntry): void;
  /** Something the agent should see now (e.g. a toggle failed after the key press returned). */
  notify(toast: ToastEvent): void;
  /**
   * Called after every change of state. `dial` = a CONFERENCE is about to be sent: its intent must be on
   * disk before it leaves (a kill in that instant would otherwise forget a number that may be ringing).
   */
  changed(why?: 'dial'): void;
}

interface Session {
  ucid: string;
  status: 'live' | 'ended';
  endedReason: string | null;
  demo: boolean;
  mode: ApiMode;
  startedAt: number;
  agentPending: boolean;
  participants: Participant[];
  selectedId: string | null;
}

// A CONFERENCE that may have reached CloudAgent: the number could be ringing, so it is never retried for the agent.
const MAYBE_DIALLED_KINDS = new Set(['Timeout', 'Network', 'BadResponse']);

/** The same failure, said about one participant and one action. */
function about(err: AppError, verb: string, label: string, remedy = err.remedy): AppError {
  return new AppError(err.kind, `${verb} ${label}: ${err.message}`, remedy);
}

/**
 * The conference for one ucid at a time: who is in it, what the agent asked for, and the requests that
 * make CloudAgent agree. At most one request is in flight per participant; presses made meanwhile change
 * the desired state, and only what is still needed is sent when the request returns.
 */
export class ConferenceEngine {
  private session: Session | null = null;
  private nextId = 1;
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly deps: EngineDeps) {}

  view(): SessionView | null {
    const s = this.session;
    if (!s) return null;
    return {
      ucid: s.ucid,
      status: s.status,
      endedReason: s.endedReason,
      demo: s.demo,
      mode: s.mode,
      startedAt: s.startedAt,
      agent: { number: this.deps.agentNumber(), pending: s.agentPending },
      participants: s.participants.map(viewOf),
      selectedId: s.selectedId,
    };
  }

  /** The session as the journal keeps it (a copy), or null when no call is open. */
  journalState(): JournaledSession | null {
    const s = this.session;
    if (!s) return null;
    return {
      ucid: s.ucid,
      status: s.status,
      demo: s.demo,
      mode: s.mode,
      startedAt: s.startedAt,
      agentPending: s.agentPending,
      participants: s.participants.map((p) => ({ ...p, unanswered: p.unanswered ?? null })),
      selectedId: s.selectedId,
    };
  }

  /**
   * Takes back a journaled call after a restart, as the restore rules shaped it (session/restore-rules.ts):
   * nothing is in flight and nothing is sent; presses work on it as on any call.
   */
  restore(saved: JournaledSession): void {
    this.session = {
      ucid: saved.ucid,
      status: 'live',
      endedReason: null,
      demo: saved.demo,
      mode: saved.mode,
      startedAt: saved.startedAt,
      agentPending: false,
      participants: saved.participants.map((p) => ({ ...p, pending: null })),
      selectedId: saved.selectedId,
    };
    const ids = saved.participants.map((p) => Number(/^p(\d+)$/.exec(p.id)?.[1] ?? 0));
    this.nextId = Math.max(0, ...ids) + 1;
    this.deps.changed();
  }

  /** Opens a session for the pasted ucid and warms the connection for the first action. */
  setUcid(text: string): void {
    const ucid = parseUcid(text);
    if (this.session?.status === 'live' && this.session.ucid !== ucid && this.busy()) {
      throw new AppError('Busy', 'Wait for the current request to finish before switching calls.');
    }
    if (this.session?.ucid === ucid && this.session.status === 'live') return;
    this.open(ucid);
    void this.deps.client().warm();
  }

  /**
   * The agent is about to dial (focus on the add field, a key typed): open or refresh the pooled connection
   * now, so the dial does not meet a connection the server closed while idle, nor pay for a new one.
   */
  prepareDial(): boolean {
    if (this.session?.status !== 'live') return false;
    void this.deps.client().warm();
    return true;
  }

  clear(): void {
    if (this.session?.status === 'live' && this.busy()) {
      throw new AppError('Busy', 'Wait for the current request to finish before closing the call.');
    }
    this.session = null;
    this.deps.changed();
  }

  /** Phone Manual Dial: CloudAgent rings the agent, then the customer; its answer carries the new ucid. */
  async startCall(
    customerNumber: string,
    campaignName?: string,
    options: Pick<ManualDialRequest, 'checkStatus' | 'callLimit' | 'uui'> = {},
  ): Promise<void> {
    if (this.session?.status === 'live') {
      throw new AppError('Busy', 'A call is already open. Close it before starting another.');
    }
    const number = this.normalize(customerNumber, false);
    const result = await this.recorded(
      { action: 'MANUAL_DIAL', ucid: (r) => r.ucid, participant: number, label: '' },
      () => this.deps.client().manualDial({ ...options, customerNumber: number, campaignName }),
    );
    this.open(result.ucid);
  }

  async add(input: { number: string; sip: boolean; label?: string }): Promise<void> {
    const s = this.liveSession();
    const number = this.normalize(input.number, input.sip);
    if (s.participants.some((p) => p.number === number && occupiesNumber(p))) {
      throw new AppError('Duplicate', `${number} is already in this call.`);
    }
    const p = newParticipant(`p${this.nextId++}`, number, input.label?.trim() || number, input.sip);
    s.participants.push(p);
    s.selectedId = p.id;
    await this.dial(s, p);
  }

  /** The agent's explicit choice after a dial whose outcome is unknown (or that failed). */
  async retryDial(id: string): Promise<void> {
    const s = this.liveSession();
    const p = this.participant(s, id);
    if (p.state !== 'unknown' && p.state !== 'failed') {
      throw new AppError(
        'InvalidInput',
        `${p.label} is ${p.state}; only an unanswered or failed dial can be retried.`,
      );
    }
    if (s.participants.some((o) => o !== p && o.number === p.number && occupiesNumber(o))) {
      throw new AppError('Duplicate', `${p.number} is already in this call.`);
    }
    await this.dial(s, p, 'Retry dial');
  }

  select(id: string): void {
    const s = this.existingSession();
    this.participant(s, id);
    s.selectedId = id;
    this.deps.changed();
  }

  toggleMute(id: string): void {
    const p = this.toggleTarget(id);
    p.desiredMuted = !p.desiredMuted;
    this.converge(p);
  }

  toggleHold(id: string): void {
    const p = this.toggleTarget(id);
    p.desiredHeld = !p.desiredHeld;
    this.converge(p);
  }

  async drop(id: string): Promise<void> {
    const s = this.liveSession();
    const p = this.participant(s, id);
    if (p.state === 'dropped') throw new AppError('InvalidInput', `${p.label} has already been dropped.`);
    if (p.pending) throw new AppError('Busy', `${p.label}: wait for the current request to finish.`);
    // A row's Drop does only what it says: under the agent-number rule it would disconnect everyone.
    if (this.deps.kickRule() === 'agent')
      throw new AppError('InvalidInput', NO_ROW_DROP_MESSAGE, NO_ROW_DROP_REMEDY);
    const plan = planKick(this.deps.kickRule(), this.agentNumberOrThrow(), p.number);
    p.pending = 'KICK_CALL';
    this.deps.changed();
    try {
      await this.send(s, 'KICK_CALL', plan.conferenceNumber, p.sip && plan.drops === 'one', p);
      for (const o of plan.drops === 'all' ? s.participants : [p]) this.markDropped(o);
    } catch (e) {
      throw about(asAppError(e), 'Drop', p.label);
    } finally {
      p.pending = null;
      this.deps.changed();
    }
  }

  /** KICK_CALL with the agent's own number: the documented way to end the agent's conference. */
  async endForAgent(): Promise<void> {
    const s = this.liveSession();
    if (s.agentPending) throw new AppError('Busy', 'Ending is already in progress.');
    const plan = planKick('agent', this.agentNumberOrThrow(), null);
    s.agentPending = true;
    this.deps.changed();
    try {
      await this.send(s, 'KICK_CALL', plan.conferenceNumber, false, null);
      for (const p of s.participants) this.markDropped(p);
      this.end(s, 'You ended the conference: everyone was disconnected.');
    } catch (e) {
      const err = asAppError(e);
      throw new AppError(err.kind, `End the conference: ${err.message}`, err.remedy);
    } finally {
      s.agentPending = false;
      this.deps.changed();
    }
  }

  /** Resolves when every request started so far has settled (tests, orderly shutdown). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  busy(): boolean {
    return this.running.size > 0;
  }

  private open(ucid: string): void {
    this.session = {
      ucid,
      status: 'live',
      endedReason: null,
      demo: this.deps.demo(),
      mode: this.deps.mode(),
      startedAt: this.deps.now(),
      agentPending: false,
      participants: [],
      selectedId: null,
    };
    this.deps.changed();
  }

  private async dial(s: Session, p: Participant, verb = 'Add'): Promise<void> {
    p.state = 'dialing';
    p.pending = 'CONFERENCE';
    p.lastError = null;
    this.deps.changed('dial');
    try {
      await this.send(s, 'CONFERENCE', p.number, p.sip, p);
      p.state = 'connected';
      p.unanswered = null;
      p.connectedAt = this.deps.now();
    } catch (e) {
      const err = asAppError(e);
      p.state = MAYBE_DIALLED_KINDS.has(err.kind) ? 'unknown' : 'failed';
      // A dial that may have reached CloudAgent is never followed by "try again": the number may ring.
      const remedy = p.state === 'unknown' ? MAYBE_RINGING_REMEDY : err.remedy;
      p.lastError = { kind: err.kind, message: err.message, remedy };
      throw about(err, verb, p.label, remedy);
    } finally {
      p.pending = null;
      this.deps.changed();
    }
  }

  /** Sends what is still needed, one request at a time, until the participant matches the agent's wishes. */
  private converge(p: Participant): void {
    this.deps.changed();
    if (p.pending) return; // the request in flight will look again when it returns
    const s = this.session!;
    const run = (async () => {
      for (let action = nextToggle(p); action && s.status === 'live'; action = nextToggle(p)) {
        p.pending = action;
        this.deps.changed();
        try {
          // Re-sent at most once, by the transport, when a reused connection broke before any answer.
          await this.send(s, action, p.number, p.sip, p);
          applyToggle(p, action, this.deps.now());
          settleUnanswered(p, action);
          p.lastError = null;
        } catch (e) {
          const err = asAppError(e);
          p.lastError = err.toJSON();
          // Give up on the wish the server refused, so a failed toggle is not sent again and again.
          p.desiredMuted = p.muted;
          p.desiredHeld = p.held;
          if (s.status === 'live') {
            const said = about(err, VERB[action], p.label);
            this.deps.notify({
              level: 'error',
              message: said.message,
              remedy: said.remedy,
              kind: said.kind,
              participantId: p.id,
            });
          }
        } finally {
          p.pending = null;
          this.deps.changed();
        }
      }
    })();
    this.track(run);
  }

  /** One request, recorded in the history; `Call not Found` ends the session for every participant. */
  private async send(
    s: Session,
    action: Action,
    conferenceNumber: string,
    sip: boolean,
    p: Participant | null,
  ): Promise<CallControlResult> {
    try {
      return await this.recorded(
        { action, ucid: s.ucid, participant: conferenceNumber, label: p?.label ?? 'agent' },
        () => {
          const run = this.deps.client().callControl({ action, ucid: s.ucid, conferenceNumber, sip });
          this.track(run);
          return run;
        },
      );
    } catch (e) {
      if (e instanceof AppError && e.kind === 'CallNotFound')
        this.end(s, `CloudAgent says: ${e.message}. The call has ended or the ucid is wrong.`);
      throw e;
    }
  }

  private end(s: Session, reason: string): void {
    if (s.status === 'ended') return;
    s.status = 'ended';
    s.endedReason = reason;
    this.deps.changed();
  }

  private markDropped(p: Participant): void {
    if (p.state === 'failed') return;
    p.state = 'dropped';
    p.unanswered = null;
    p.held = p.desiredHeld = false;
    p.muted = p.desiredMuted = false;
    p.heldSince = null;
  }

  private track(run: Promise<unknown>): void {
    this.running.add(run);
    void run.then(
      () => this.running.delete(run),
      () => this.running.delete(run),
    );
  }

  private toggleTarget(id: string): Participant {
    const s = this.liveSession();
    const p = this.participant(s, id);
    if (p.state !== 'connected') {
      throw new AppError(
        'InvalidInput',
        `${p.label} is ${p.state}; mute and hold need a connected participant.`,
      );
    }
    if (p.pending === 'KICK_CALL') throw new AppError('Busy', `${p.label} is being dropped.`);
    return p;
  }

  private normalize(input: string, sip: boolean): string {
    const r = normalizeNumber(input, this.deps.region(), { sip });
    if (!r.ok) throw new AppError('InvalidInput', r.message);
    return r.value;
  }

  private agentNumberOrThrow(): string {
    const n = this.deps.agentNumber();
    if (!n)
      throw new AppError(
        'InvalidInput',
        'Set your agent number in Settings: CloudAgent needs it to drop a call.',
      );
    return n;
  }

  private existingSession(): Session {
    if (!this.session) throw new AppError('NoSession', 'No call is open.');
    return this.session;
  }

  private liveSession(): Session {
    const s = this.existingSession();
    if (s.status !== 'live') throw new AppError('SessionEnded', s.endedReason ?? 'This call has ended.');
    return s;
  }

  private participant(s: Session, id: string): Participant {
    const p = s.participants.find((x) => x.id === id);
    if (!p) throw new AppError('InvalidInput', `No participant "${id}" in this call.`);
    return p;
  }

  /**
   * Runs one CloudAgent request and records it in the history, answered or failed, with its latency (the
   * client's own measure on an answer, the time until the failure otherwise). Failures leave as AppErrors.
   */
  private async recorded<T extends { message: string; latencyMs: number }>(
    what: { action: string; ucid: string | ((answer: T) => string); participant: string; label: string },
    request: () => Promise<T>,
  ): Promise<T> {
    const started = this.deps.now();
    const entry = { action: what.action, participant: what.participant, label: what.label };
    const ucidOf = (answer: T | null) =>
      typeof what.ucid === 'string' ? what.ucid : answer ? what.ucid(answer) : '';
    try {
      const answer = await request();
      this.record({
        ...entry,
        ucid: ucidOf(answer),
        outcome: 'ok',
        message: answer.message,
        latencyMs: answer.latencyMs,
      });
      return answer;
    } catch (e) {
      const err = asAppError(e);
      const latencyMs = this.deps.now() - started;
      this.record({ ...entry, ucid: ucidOf(null), outcome: err.kind, message: err.message, latencyMs });
      throw err;
    }
  }

  private record(entry: Omit<HistoryEntry, 'at' | 'mode' | 'demo'>): void {
    const { ucid, action, participant, label, outcome, message, latencyMs } = entry;
    // Field order as before: history files are JSON lines that people read.
    this.deps.record({
      at: this.deps.now(),
      ucid,
      action,
      participant,
      label,
      mode: this.deps.mode(),
      outcome,
      message,
      latencyMs,
      demo: this.deps.demo(),
    });
  }
}

function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  return new AppError('Internal', 'Unexpected failure while talking to CloudAgent.');
}
