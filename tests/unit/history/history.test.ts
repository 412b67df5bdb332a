import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistory } from '../../../electron/core/history/history';
import type { HistoryEntry } from '../../../electron/core/history/entry';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-10T09:00:00Z');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confbar-history-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function entry(over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    at: T0,
    ucid: 'U1',
    action: 'add',
    participant: '09845012345',
    mode: 'token',
    outcome: 'ok',
    message: 'Added',
    ...over,
  };
}

const file = (day: string) => path.join(dir, `history-${day}.jsonl`);

describe('history files', () => {
  it('writes day files 0600 in a 0700 folder, tightening files an older version left wider', () => {
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(file('2026-03-09'), '', { mode: 0o644 });
    fs.chmodSync(file('2026-03-09'), 0o644);
    const h = createHistory({ dir, now: () => T0 });
    expect(mode(dir)).toBe(0o700);
    expect(mode(file('2026-03-09'))).toBe(0o600);
    h.append(entry());
    expect(mode(file('2026-03-10'))).toBe(0o600);
    const nested = path.join(dir, 'a', 'b');
    createHistory({ dir: nested, now: () => T0 }).append(entry());
    expect(mode(nested)).toBe(0o700);
  });

  it('appends one JSON line per entry to the UTC day file', async () => {
    const h = createHistory({ dir, now: () => T0 });
    expect(h.append(entry())).toBe(true);
    expect(h.append(entry({ at: Date.parse('2026-03-10T23:59:59Z'), action: 'mute' }))).toBe(true);
    expect(h.append(entry({ at: Date.parse('2026-03-11T00:00:00Z'), action: 'drop' }))).toBe(true);
    expect(fs.readFileSync(file('2026-03-10'), 'utf8').split('\n')).toHaveLength(3);
    expect(JSON.parse(fs.readFileSync(file('2026-03-11'), 'utf8'))).toMatchObject({ action: 'drop' });
    expect((await h.sessionLog('U1')).map((e) => e.action)).toEqual(['add', 'mute', 'drop']);
  });

  it('skips a torn last line on read', async () => {
    const h = createHistory({ dir, now: () => T0 });
    h.append(entry({ action: 'add' }));
    fs.appendFileSync(file('2026-03-10'), '{"at":1773133200000,"ucid":"U1","act');
    const log = await h.sessionLog('U1');
    expect(log.map((e) => e.action)).toEqual(['add']);
  });

  it('starts the next append on a fresh line after a torn one', async () => {
    const h = createHistory({ dir, now: () => T0 });
    h.append(entry({ action: 'add' }));
    fs.appendFileSync(file('2026-03-10'), '{"at":1773133200000,"ucid":"U1","act');
    const fresh = createHistory({ dir, now: () => T0 }); // as after a restart
    fresh.append(entry({ action: 'mute', at: T0 + 1 }));
    fresh.append(entry({ action: 'hold', at: T0 + 2 }));
    expect((await fresh.sessionLog('U1')).map((e) => e.action)).toEqual(['add', 'mute', 'hold']);
    const lines = fs.readFileSync(file('2026-03-10'), 'utf8').split('\n');
    expect(lines[1]).toBe('{"at":1773133200000,"ucid":"U1","act');
  });

  it('ignores garbage and foreign lines', async () => {
    fs.writeFileSync(file('2026-03-10'), `not json\n{"hello":1}\n${JSON.stringify(entry())}\n\n`);
    const h = createHistory({ dir, now: () => T0 });
    expect(await h.sessionLog('U1')).toHaveLength(1);
  });
});

describe('sanitizer', () => {
  it('drops unknown fields and redacts secret-looking text', async () => {
    const h = createHistory({ dir, now: () => T0 });
    const dirty = {
      ...entry(),
      apiKey: 'KEY-111',
      headers: { Authorization: 'Bearer abc' },
      message:
        'GET /CAServices/x?api_key=KEY-222&ucid=1 failed; Authorization: Bearer eyJhbGciOi.xyz; {"token":"TOK-333"}',
    };
    expect(h.append(dirty as HistoryEntry)).toBe(true);
    const text = fs.readFileSync(file('2026-03-10'), 'utf8');
    for (const secret of ['KEY-111', 'KEY-222', 'eyJhbGciOi', 'TOK-333', 'Authorization":', 'headers']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('api_key=***');
    expect(text).toContain('Bearer ***');
    expect(text).toContain('ucid=1 failed');
  });

  it('leaves ordinary prose alone and refuses malformed entries', () => {
    const h = createHistory({ dir, now: () => T0, warn: () => {} });
    h.append(entry({ message: 'Token: expired; fetched a new one' }));
    expect(fs.readFileSync(file('2026-03-10'), 'utf8')).toContain('Token: expired');
    expect(h.append({ ...entry(), outcome: 'Exploded' } as unknown as HistoryEntry)).toBe(false);
    expect(h.append({ ucid: 'U1' } as unknown as HistoryEntry)).toBe(false);
  });
});

describe('sessions', () => {
  it('summarises calls newest first', async () => {
    const h = createHistory({ dir, now: () => T0 });
    h.append(entry({ ucid: 'A', at: T0 }));
    h.append(entry({ ucid: 'A', at: T0 + 5000, outcome: 'Timeout', message: 'No answer' }));
    h.append(entry({ ucid: 'B', at: T0 + 1000, demo: true }));
    h.append(entry({ ucid: 'C', at: T0 - DAY }));
    expect(await h.recentSessions(2)).toEqual([
      { ucid: 'A', firstAt: T0, lastAt: T0 + 5000, actions: 2, failures: 1, demo: false },
      { ucid: 'B', firstAt: T0 + 1000, lastAt: T0 + 1000, actions: 1, failures: 0, demo: true },
    ]);
    expect((await h.recentSessions(10)).map((s) => s.ucid)).toEqual(['A', 'B', 'C']);
  });
});

describe('sessions read from the newest day back', () => {
  /** What reading every entry of every day gives: the answer the early stop must match. */
  function everything(entries: HistoryEntry[], limit: number) {
    const byUcid = new Map<string, HistoryEntry[]>();
    for (const e of entries) byUcid.set(e.ucid, [...(byUcid.get(e.ucid) ?? []), e]);
    return [...byUcid.entries()]
      .map(([ucid, es]) => ({
        ucid,
        firstAt: Math.min(...es.map((e) => e.at)),
        lastAt: Math.max(...es.map((e) => e.at)),
        actions: es.length,
        failures: es.filter((e) => e.outcome !== 'ok').length,
        demo: es.some((e) => e.demo === true),
      }))
      .sort((a, b) => b.lastAt - a.lastAt)
      .slice(0, limit);
  }

  it('sums a call that crossed midnight in full, though the newest day alone fills the list', async () => {
    const h = createHistory({ dir, now: () => T0 });
    const midnight = Date.parse('2026-03-10T00:00:00Z');
    h.append(entry({ ucid: 'LATE', at: midnight - 60_000 }));
    h.append(entry({ ucid: 'LATE', at: midnight - 30_000, outcome: 'Timeout', message: 'No answer' }));
    h.append(entry({ ucid: 'LATE', at: midnight + 60_000 }));
    h.append(entry({ ucid: 'OLD', at: midnight - 2 * DAY }));
    expect(await h.recentSessions(1)).toEqual([
      {
        ucid: 'LATE',
        firstAt: midnight - 60_000,
        lastAt: midnight + 60_000,
        actions: 3,
        failures: 1,
        demo: false,
      },
    ]);
    expect((await h.sessionLog('LATE')).map((e) => e.at)).toEqual([
      midnight - 60_000,
      midnight - 30_000,
      midnight + 60_000,
    ]);
    expect(await h.sessionLog('NOWHERE')).toEqual([]);
  });

  it('gives what reading everything gives, for any calls over any days and any limit', async () => {
    // A call acts at least once on each day it spans (no call lasts a whole day without an action).
    const call = fc.record({
      startDay: fc.integer({ min: 0, max: 8 }),
      spanDays: fc.integer({ min: 0, max: 2 }),
      extra: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: DAY - 1 })), {
        maxLength: 4,
      }),
      failed: fc.boolean(),
      demo: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(call, { maxLength: 25 }),
        fc.integer({ min: 0, max: 30 }),
        async (calls, limit) => {
          const here = fs.mkdtempSync(path.join(os.tmpdir(), 'confbar-history-prop-'));
          try {
            const base = Date.parse('2026-03-01T00:00:00Z');
            const entries: HistoryEntry[] = [];
            calls.forEach((c, i) => {
              const days = Array.from({ length: c.spanDays + 1 }, (_, d) => c.startDay + d);
              const times = [
                ...days.map((d, k) => base + d * DAY + 1000 * (i + 1) + k),
                ...c.extra.map(([d, ms]) => base + (c.startDay + Math.min(d, c.spanDays)) * DAY + ms),
              ];
              times.forEach((at, k) =>
                entries.push(
                  entry({
                    ucid: `U${i}`,
                    at,
                    outcome: c.failed && k === 0 ? 'Timeout' : 'ok',
                    demo: c.demo,
                  }),
                ),
              );
            });
            const h = createHistory({ dir: here, now: () => base + 12 * DAY, warn: () => {} });
            for (const e of entries) h.append(e);
            expect(await h.recentSessions(limit)).toEqual(everything(entries, limit));
            const someone = entries[0]?.ucid ?? 'U0';
            expect(await h.sessionLog(someone)).toEqual(
              entries.filter((e) => e.ucid === someone).sort((a, b) => a.at - b.at),
            );
          } finally {
            fs.rmSync(here, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 150, seed: 20261201 },
    );
  });
});

describe('pruning', () => {
  it('deletes day files older than the retention period, on create and on demand', () => {
    let now = Date.parse('2026-03-10T12:00:00Z');
    for (const day of ['2026-01-01', '2026-02-07', '2026-02-08', '2026-03-10'])
      fs.writeFileSync(file(day), '');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    const h = createHistory({ dir, now: () => now, retentionDays: 30 });
    expect(fs.readdirSync(dir).sort()).toEqual([
      'history-2026-02-08.jsonl',
      'history-2026-03-10.jsonl',
      'notes.txt',
    ]);
    now += 30 * DAY;
    expect(h.prune()).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['history-2026-03-10.jsonl', 'notes.txt']);
  });

  it('keeps 90 days by default', () => {
    fs.writeFileSync(file('2025-12-10'), '');
    fs.writeFileSync(file('2025-12-09'), '');
    createHistory({ dir, now: () => Date.parse('2026-03-10T00:00:00Z') });
    expect(fs.readdirSync(dir)).toEqual(['history-2025-12-10.jsonl']);
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180 and guards formula cells', async () => {
    const h = createHistory({ dir, now: () => T0 });
    h.append(
      entry({
        participant: '+919845012345',
        label: '=cmd|"/c calc"!A1',
        message: 'Said "hi", then\nleft',
        latencyMs: 231,
      }),
    );
    h.append(entry({ participant: '@SUM(1)', label: '-2+3', message: 'ok', action: 'mute', at: T0 + 1 }));
    const csv = await h.exportCsv();
    expect(csv.split('\r\n')).toEqual([
      'time,ucid,action,participant,label,mode,outcome,message,latencyMs,demo',
      `2026-03-10T09:00:00.000Z,U1,add,"'+919845012345","'=cmd|""/c calc""!A1",token,ok,"Said ""hi"", then\nleft",231,false`,
      `2026-03-10T09:00:00.001Z,U1,mute,"'@SUM(1)","'-2+3",token,ok,ok,,false`,
      '',
    ]);
  });

  it('filters by time range and call', async () => {
    const h = createHistory({ dir, now: () => T0 });
    h.append(entry({ ucid: 'A', at: T0 - DAY }));
    h.append(entry({ ucid: 'A', at: T0 }));
    h.append(entry({ ucid: 'B', at: T0 + 1 }));
    h.append(entry({ ucid: 'A', at: T0 + DAY }));
    const rows = (csv: string) =>
      csv
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((r) => r.split(',').slice(0, 2).join(' '));
    expect(rows(await h.exportCsv({ from: T0, to: T0 + DAY }))).toEqual([
      '2026-03-10T09:00:00.000Z A',
      '2026-03-10T09:00:00.001Z B',
    ]);
    expect(rows(await h.exportCsv({ ucid: 'A' }))).toHaveLength(3);
  });
});
