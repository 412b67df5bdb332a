import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHistory } from '../electron/core/history/history';
import type { HistoryEntry } from '../shared/history';

const DAY_MS = 86_400_000;

function entry(i: number, at: number): HistoryEntry {
  return {
    at,
    ucid: String(1_000_000_000_000_000 + Math.floor(i / 20)),
    action: i % 20 === 0 ? 'CONFERENCE' : i % 2 ? 'MUTE' : 'UNMUTE',
    participant: '09811112222',
    label: 'Supervisor',
    mode: 'token',
    outcome: 'ok',
    message: 'call got mute successfully',
    latencyMs: 52.4,
  };
}

/**
 * The history with `stored` entries over the last 60 days (20 actions a call): how long one more append
 * takes (the engine does one per action) and how long the history panel's load reads them all.
 */
export async function measureHistory(
  stored: number,
  appends: number,
): Promise<{ append: number[]; loadMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'confbar-bench-history-'));
  const now = Date.now();
  try {
    const history = createHistory({ dir, now: () => now });
    const span = 60 * DAY_MS;
    for (let i = 0; i < stored; i++) history.append(entry(i, now - span + Math.floor((i / stored) * span)));
    const append: number[] = [];
    for (let i = 0; i < appends; i++) {
      const e = entry(stored + i, now);
      const t = performance.now();
      if (!history.append(e)) throw new Error('bench: a history append failed');
      append.push(performance.now() - t);
    }
    const fresh = createHistory({ dir, now: () => now });
    const t = performance.now();
    const sessions = await fresh.recentSessions(100);
    const loadMs = performance.now() - t;
    if (sessions.length === 0) throw new Error('bench: the history came back empty');
    return { append, loadMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
