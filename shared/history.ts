import type { ErrorKind } from './errors';

/** One line of the action history, as stored (JSON lines) and as shown in the history view. */
export interface HistoryEntry {
  at: number;
  ucid: string;
  action: string;
  participant?: string;
  label?: string;
  mode: string;
  outcome: 'ok' | ErrorKind;
  message: string;
  latencyMs?: number;
  demo?: boolean;
}

export interface SessionSummary {
  ucid: string;
  firstAt: number;
  lastAt: number;
  actions: number;
  failures: number;
  demo: boolean;
}
