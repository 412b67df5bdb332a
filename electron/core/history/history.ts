import fs from 'node:fs';
import path from 'node:path';
import type { SessionSummary } from '../../../shared/history';
import { csvRow } from '../csv';
import { ensurePrivateDir, restrictFile } from '../private-files';
import { sanitizeEntry, type HistoryEntry } from './entry';
import { appendLine, DAY_MS, fileNameFor, listDayFiles, readDays, readEntries } from './files';

export type { SessionSummary };

export interface HistoryOptions {
  dir: string;
  now?: () => number;
  /** Days of history to keep; default 90. */
  retentionDays?: number;
  /** Where a failed write or prune is reported (history must never break a call). Default: console.warn. */
  warn?: (message: string) => void;
}

export interface History {
  /** Records an action. Never throws: returns false when the entry was invalid or could not be written. */
  append(entry: HistoryEntry): boolean;
  /** One summary per call, most recently active first. */
  recentSessions(limit: number): Promise<SessionSummary[]>;
  /** Every action of one call, oldest first. */
  sessionLog(ucid: string): Promise<HistoryEntry[]>;
  /** RFC 4180 CSV of the entries with from <= at < to (epoch ms), optionally of one call. */
  exportCsv(filter?: { from?: number; to?: number; ucid?: string }): Promise<string>;
  /** Deletes day files older than the retention period; returns how many. */
  prune(): number;
}

const CSV_COLUMNS = [
  'time',
  'ucid',
  'action',
  'participant',
  'label',
  'mode',
  'outcome',
  'message',
  'latencyMs',
  'demo',
];

/**
 * The per-desktop action log: one JSON line per action in a file per UTC day, so pruning is deleting
 * files and a crash can tear at most the last line. Everything is sanitized on the way in and out.
 */
export function createHistory(opts: HistoryOptions): History {
  const { dir } = opts;
  const now = opts.now ?? Date.now;
  const retentionDays = opts.retentionDays ?? 90;
  const warn = opts.warn ?? ((m: string) => console.warn(`[history] ${m}`));
  ensurePrivateDir(dir);
  for (const file of listDayFiles(dir)) restrictFile(path.join(dir, file.name));

  const byTime = (a: HistoryEntry, b: HistoryEntry) => a.at - b.at;
  const newestFirst = <T>(files: T[]): T[] => files.slice().reverse();

  const prune = (): number => {
    const today = Math.floor(now() / DAY_MS) * DAY_MS;
    const cutoff = today - retentionDays * DAY_MS;
    let removed = 0;
    for (const file of listDayFiles(dir)) {
      if (file.day >= cutoff) continue;
      try {
        fs.unlinkSync(path.join(dir, file.name));
        removed++;
      } catch (e) {
        warn(`Could not delete old history file ${file.name}: ${(e as Error).message}`);
      }
    }
    return removed;
  };
  prune();

  /** Files that can hold entries with from <= at < to. */
  const filesBetween = (from = -Infinity, to = Infinity) =>
    listDayFiles(dir).filter((f) => f.day + DAY_MS > from && f.day < to);

  return {
    append(entry) {
      const clean = sanitizeEntry(entry);
      if (!clean) {
        warn('A malformed history entry was not recorded.');
        return false;
      }
      try {
        appendLine(path.join(dir, fileNameFor(clean.at)), clean);
        return true;
      } catch (e) {
        warn(`Could not write history: ${(e as Error).message}`);
        return false;
      }
    },

    async recentSessions(limit) {
      const want = Math.max(0, limit);
      const sessions = new Map<string, SessionSummary>();
      const top = () => [...sessions.values()].sort((a, b) => b.lastAt - a.lastAt).slice(0, want);
      // Newest day first. Once `want` calls are seen, no older call can outrank them (its last action is
      // older than any of theirs), so reading stops after the first older day that adds nothing to them:
      // a call that crossed midnight is summed in full, and 100 calls cost a few days' files, not 90.
      // The calls to show, once known: older days cannot change which they are, only add to them.
      let shown: Set<string> | null = null;
      for (const file of newestFirst(filesBetween())) {
        if (!shown && sessions.size >= want) shown = new Set(top().map((t) => t.ucid));
        const entries = await readEntries(path.join(dir, file.name));
        for (const e of entries) {
          if (shown && !shown.has(e.ucid)) continue;
          const s = sessions.get(e.ucid) ?? {
            ucid: e.ucid,
            firstAt: e.at,
            lastAt: e.at,
            actions: 0,
            failures: 0,
            demo: false,
          };
          s.firstAt = Math.min(s.firstAt, e.at);
          s.lastAt = Math.max(s.lastAt, e.at);
          s.actions++;
          if (e.outcome !== 'ok') s.failures++;
          if (e.demo) s.demo = true;
          sessions.set(e.ucid, s);
        }
        if (shown && !entries.some((e) => shown!.has(e.ucid))) break;
      }
      return top();
    },

    async sessionLog(ucid) {
      // Newest day first, until the call's earliest day: the first older day without it.
      const found: HistoryEntry[] = [];
      for (const file of newestFirst(filesBetween())) {
        const mine = (await readEntries(path.join(dir, file.name))).filter((e) => e.ucid === ucid);
        if (mine.length === 0 && found.length > 0) break;
        found.push(...mine);
      }
      return found.sort(byTime);
    },

    async exportCsv(filter = {}) {
      const { from = -Infinity, to = Infinity, ucid } = filter;
      const entries = (await readDays(dir, filesBetween(from, to)))
        .filter((e) => e.at >= from && e.at < to && (ucid === undefined || e.ucid === ucid))
        .sort(byTime);
      const rows = entries.map((e) =>
        csvRow([
          new Date(e.at).toISOString(),
          e.ucid,
          e.action,
          e.participant,
          e.label,
          e.mode,
          e.outcome,
          e.message,
          e.latencyMs,
          e.demo ?? false,
        ]),
      );
      return [csvRow(CSV_COLUMNS), ...rows].join('');
    },

    prune,
  };
}
