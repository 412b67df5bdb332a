import type { Action } from './cloudagent';
import type { AppErrorShape } from './errors';

/**
 * The call as the main process knows it, published to the renderer on every change. The renderer only
 * displays it: main's engine is the single source of truth (a reload rehydrates from here).
 */
export type ParticipantState = 'dialing' | 'connected' | 'failed' | 'unknown' | 'dropped';

export interface ParticipantView {
  id: string;
  /** The number as CloudAgent receives it (normalised) or the SIP address as typed. */
  number: string;
  label: string;
  sip: boolean;
  state: ParticipantState;
  held: boolean;
  muted: boolean;
  /** What the agent last asked for; differs from held/muted while a request converges. */
  desiredHeld: boolean;
  desiredMuted: boolean;
  /** The request in flight for this participant, if any. */
  pending: Action | null;
  connectedAt: number | null;
  heldSince: number | null;
  lastError: AppErrorShape | null;
  /**
   * A request that was on its way when ConfBar last stopped (crash, kill, shutdown): its answer was never
   * seen, so held/muted are as CloudAgent last confirmed them and this action's outcome is unknown.
   * Absent or null otherwise.
   */
  unanswered?: Action | null;
}

export type SessionStatus = 'live' | 'ended';

export interface SessionView {
  ucid: string;
  status: SessionStatus;
  /** Why the session ended, in words for the agent (e.g. "CloudAgent says: Call not Found"). */
  endedReason: string | null;
  demo: boolean;
  mode: 'legacy' | 'basic' | 'token';
  startedAt: number;
  /** The agent's own leg (KICK_CALL with the agent number ends the agent's conference). */
  agent: { number: string; pending: boolean };
  participants: ParticipantView[];
  selectedId: string | null;
}

export interface Snapshot {
  /** Increases on every published change, so a late event never overwrites a newer one. */
  seq: number;
  session: SessionView | null;
  demo: boolean;
  /** In demo mode, the ucid of the simulator's ready-made live call (so the guide can offer to open it). */
  demoUcid: string | null;
  /** Whether the account is usable: settings complete and a key stored (or demo). */
  ready: boolean;
  /** What is missing when not ready, for the first-run guide. */
  missing: string[];
  /** Server time reference for timers: main's clock when this snapshot was made. */
  at: number;
  /** What happened to the call journaled before the last start (restored, or why not); null: nothing. */
  restore?: RestoreNotice | null;
}

/**
 * The outcome of looking for a call at start. `restored`: the call is back, as last confirmed, `at` is
 * when it was restored (the window words it "Restored after a restart at 10:42 …"). `not-restored`: a
 * journaled call could not be brought back; `message` says why and where its file was kept.
 */
export type RestoreNotice =
  | { kind: 'restored'; at: number; message: string; draft: string }
  | { kind: 'not-restored'; at: number; message: string };

export interface ToastEvent {
  level: 'info' | 'success' | 'error';
  message: string;
  remedy?: string;
  kind?: string;
  /** The participant the outcome is about: their next outcome replaces this message. */
  participantId?: string;
  /**
   * A call ConfBar offers to open (a ucid on the clipboard, a confbar:// link during a live call): the toast
   * shows a button with `label`, and OFFER_KEY accepts it. Nothing opens until the agent does one of them.
   */
  offer?: { ucid: string; label: string };
  /**
   * A number a link brought that was not put in its field (the agent was typing there, or the offered call
   * must open first): OFFER_KEY or the toast's button takes it (after `offer`'s call opens, when both).
   */
  prefill?: NumberPrefill;
}

/**
 * A number from a tel:, callto:, sip: or confbar:// link, to prefill — never to dial: during a live call the
 * add field, otherwise the Start call field (Phone Manual Dial). Enter dials it, Esc discards it.
 */
export interface NumberPrefill {
  /** Normalised for the account's region (what "will dial" shows), or the SIP address as the link gave it. */
  number: string;
  sip: boolean;
  /** The name the link gave (confbar:// `label`); the window adds the directory's name when it has none. */
  label: string | null;
  /** `dial`: confbar://dial, always the Start call field; `number`: the add field during a live call. */
  kind: 'number' | 'dial';
  /** confbar://dial's `uui`: the Start call form's Reference. */
  reference?: string;
}

/** The key (no modifiers) that accepts the newest offer toast. */
export const OFFER_KEY = 'o';

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** What "Save a diagnostic report…" did: the checks it ran, and where the report went (null: cancelled). */
export interface DiagnosticReportResult {
  checks: DoctorCheck[];
  path: string | null;
  exchanges: number;
}

export interface GlobalShortcutStatus {
  command: string;
  accelerator: string | null;
  registered: boolean;
  /** Why registration failed (taken by another app, invalid accelerator) or why unsupported here. */
  problem: string | null;
  /** What "registered" does not promise on this desktop (Wayland), or that the keys are an AltGr chord. */
  note?: string;
}
