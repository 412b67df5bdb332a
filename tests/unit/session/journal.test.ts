import fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeJournalIo, type JournalIo } from '../../../electron/core/session/atomic-file';
import {
  createJournal,
  JOURNAL_FILE,
  KEEP_SET_ASIDE,
  PREVIOUS_FILE,
} from '../../../electron/core/session/journal';
import { openRecord, sealRecord } from '../../../electron/core/session/record';
import { body, participant } from './fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(): string {
  const d = mkdtempSync(join(tmpdir(), 'confbar-journal-'));
  dirs.push(d);
  return join(d, 'session');
}
const read = (dir: string, name = JOURNAL_FILE) => fs.readFileSync(join(dir, name), 'utf8');

describe('session journal: a dial written now', () => {
  const seqOf = (dir: string, name = JOURNAL_FILE) =>
    (openRecord(read(dir, name)) as { body: { seq: number } }).body.seq;

  it('is on disk before record returns, and an older write under way never lands over it', async () => {
    const dir = folder();
    // Each asynchronous write waits for its own release: a slow disk, one write at a time.
    const releases: Array<() => void> = [];
    const io: JournalIo = {
      ...nodeJournalIo,
      async writeFile(file, data) {
        await new Promise<void>((r) => releases.push(r));
        await nodeJournalIo.writeFile(file, data);
      },
    };
    const journal = createJournal({ dir, io });
    journal.record(body({ seq: 1 }));
    await new Promise((r) => setTimeout(r, 5)); // the write of 1 is under way, held by the slow disk
    journal.record(body({ seq: 2 }), { now: true });
    expect(seqOf(dir)).toBe(2);
    releases.shift()!(); // the write of 1 completes: it must not replace 2
    await new Promise((r) => setTimeout(r, 20));
    expect(seqOf(dir)).toBe(2);
    releases.shift()!(); // the queued durable write of 2
    await journal.flush();
    expect(seqOf(dir)).toBe(2);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await createJournal({ dir }).load()).body?.seq).toBe(2);
  });

  it('still gets its fsync: the queued write of the same state follows, rotating the previous one', async () => {
    const dir = folder();
    const journal = createJournal({ dir });
    journal.record(body({ seq: 1 }));
    await journal.flush();
    journal.record(body({ seq: 2 }), { now: true });
    await journal.flush();
    expect(seqOf(dir)).toBe(2);
    expect([1, 2]).toContain(seqOf(dir, PREVIOUS_FILE));
  });

  it('a failing synchronous write is logged, and the queued write still lands', async () => {
    const dir = folder();
    const warnings: string[] = [];
    const log = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const io: JournalIo = {
      ...nodeJournalIo,
      writeNow() {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
    };
    const journal = createJournal({ dir, io, log });
    journal.record(body({ seq: 7 }), { now: true });
    await journal.flush();
    expect(warnings).toEqual(['the session journal could not be written before the dial']);
    expect(seqOf(dir)).toBe(7);
  });
});

describe('session journal: writing', () => {
  it('writes the newest state whole, 0600 in a 0700 folder, and reads it back', async () => {
    const dir = folder();
    const journal = createJournal({ dir });
    journal.record(body({ seq: 1 }));
    journal.record(body({ seq: 2 }, { selectedId: null }));
    await journal.flush();
    const opened = openRecord(read(dir));
    expect(opened).toMatchObject({ ok: true, body: { seq: 2, session: { selectedId: null } } });
    if (process.platform !== 'win32') {
      expect(fs.statSync(join(dir, JOURNAL_FILE)).mode & 0o777).toBe(0o600);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    }
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await createJournal({ dir }).load()).body?.seq).toBe(2);
  });

  it('never waits for the disk: record returns before a byte is written, and the latest state wins', async () => {
    const dir = folder();
    const written: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const io: JournalIo = {
      ...nodeJournalIo,
      async writeFile(file, data) {
        await gate;
        written.push(data);
        await nodeJournalIo.writeFile(file, data);
      },
    };
    const journal = createJournal({ dir, io });
    // One press's changes in one turn: only the last of them needs the disk.
    for (let seq = 1; seq <= 3; seq++) journal.record(body({ seq }));
    await new Promise((r) => setTimeout(r, 5));
    // The write of 3 waits on the disk; 4 and 5 come meanwhile: 4 is replaced by 5, never written after it.
    journal.record(body({ seq: 4 }));
    journal.record(body({ seq: 5 }));
    expect(written).toEqual([]);
    release();
    await journal.flush();
    expect(written.map((t) => (openRecord(t) as { body: { seq: number } }).body.seq)).toEqual([3, 5]);
  });

  it('keeps the write before as session.prev.json once the current file is known good', async () => {
    const dir = folder();
    const journal = createJournal({ dir });
    journal.record(body({ seq: 1 }));
    await journal.flush();
    expect(fs.existsSync(join(dir, PREVIOUS_FILE))).toBe(false);
    journal.record(body({ seq: 2 }));
    await journal.flush();
    expect(openRecord(read(dir, PREVIOUS_FILE))).toMatchObject({ ok: true, body: { seq: 1 } });
  });

  it('a torn current file is never rotated over the good previous one', async () => {
    const dir = folder();
    const first = createJournal({ dir });
    first.record(body({ seq: 1 }));
    await first.flush();
    first.record(body({ seq: 2 }));
    await first.flush();
    fs.writeFileSync(join(dir, JOURNAL_FILE), read(dir).slice(0, 40));
    const second = createJournal({ dir });
    const loaded = await second.load();
    expect(loaded).toMatchObject({ from: 'previous', body: { seq: 1 } });
    expect(loaded.setAside[0]!.why).toMatch(/incomplete/);
    second.record(body({ seq: 3 }));
    await second.flush();
    expect(openRecord(read(dir, PREVIOUS_FILE))).toMatchObject({ ok: true, body: { seq: 1 } });
    expect(openRecord(read(dir))).toMatchObject({ ok: true, body: { seq: 3 } });
  });

  it('remove deletes both files; a state recorded after it is written', async () => {
    const dir = folder();
    const journal = createJournal({ dir });
    journal.record(body({ seq: 1 }));
    journal.record(body({ seq: 2 }));
    await journal.flush();
    journal.remove();
    await journal.flush();
    expect(fs.readdirSync(dir)).toEqual([]);
    journal.record(body({ seq: 3 }));
    await journal.flush();
    expect(fs.readdirSync(dir)).toEqual([JOURNAL_FILE]);
  });

  it('a failed write is logged, not thrown, and the next one still lands', async () => {
    const dir = folder();
    const warnings: string[] = [];
    let fail = true;
    const io: JournalIo = {
      ...nodeJournalIo,
      async writeFile(file, data) {
        if (fail) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        await nodeJournalIo.writeFile(file, data);
      },
    };
    const log = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    const journal = createJournal({ dir, io, log });
    journal.record(body({ seq: 1 }));
    await journal.flush();
    expect(warnings).toEqual(['the session journal could not be written']);
    fail = false;
    journal.record(body({ seq: 2 }));
    await journal.flush();
    expect(openRecord(read(dir))).toMatchObject({ ok: true, body: { seq: 2 } });
  });
});

describe('session journal: reading back', () => {
  it('sets a torn, foreign or newer-format file aside as session.corrupt-<time>.json and keeps it', async () => {
    const cases = [
      ['', /incomplete/],
      ['{"format":1,"checks', /incomplete/],
      ['not json}\n', /not readable JSON/],
      ['{"a":1}\n', /not a ConfBar session/],
      [sealRecord(body()).replace('"format":1', '"format":2'), /format 2; this ConfBar reads format 1/],
    ] as const;
    for (const [text, why] of cases) {
      const dir = folder();
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(join(dir, JOURNAL_FILE), text);
      const loaded = await createJournal({ dir, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) }).load();
      expect(loaded.body).toBeNull();
      expect(loaded.setAside).toHaveLength(1);
      expect(loaded.setAside[0]!.why).toMatch(why);
      expect(fs.readdirSync(dir)).toEqual(['session.corrupt-2026-01-02T03-04-05-000Z.json']);
      expect(fs.readFileSync(join(dir, 'session.corrupt-2026-01-02T03-04-05-000Z.json'), 'utf8')).toBe(text);
    }
  });

  it('keeps only the newest few set-aside files', async () => {
    const dir = folder();
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < KEEP_SET_ASIDE + 3; i++) {
      fs.writeFileSync(join(dir, JOURNAL_FILE), 'torn');
      await createJournal({ dir, now: () => Date.UTC(2026, 0, 1, 0, 0, i) }).load();
    }
    const kept = fs.readdirSync(dir).sort();
    expect(kept).toHaveLength(KEEP_SET_ASIDE);
    expect(kept[0]).toBe('session.corrupt-2026-01-01T00-00-03-000Z.json');
  });

  it('any change to a sealed file is caught: tampered fields fail the checksum or the shape (property)', () => {
    const sealed = sealRecord(
      body({}, { participants: [participant({ held: true, heldSince: 5, pending: 'UNHOLD' })] }),
    );
    fc.assert(
      fc.property(fc.nat({ max: sealed.length - 3 }), fc.integer({ min: 32, max: 126 }), (at, code) => {
        const char = String.fromCharCode(code);
        fc.pre(sealed[at] !== char);
        const tampered = sealed.slice(0, at) + char + sealed.slice(at + 1);
        expect(openRecord(tampered).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('a field changed with its checksum recomputed is still refused when it is out of shape (property)', () => {
    const fields = fc.record({
      held: fc.anything(),
      pending: fc.anything(),
      startedAt: fc.anything(),
    });
    fc.assert(
      fc.property(fields, ({ held, pending, startedAt }) => {
        const b = body() as unknown as {
          session: { startedAt: unknown; participants: Array<Record<string, unknown>> };
        };
        b.session.participants[0]!.held = held;
        b.session.participants[0]!.pending = pending;
        b.session.startedAt = startedAt;
        const valid =
          typeof held === 'boolean' &&
          (pending === null ||
            ['CONFERENCE', 'HOLD', 'UNHOLD', 'MUTE', 'UNMUTE', 'KICK_CALL'].includes(pending as string)) &&
          Number.isInteger(startedAt) &&
          (startedAt as number) >= 0;
        let text: string;
        try {
          text = sealRecord(b as never);
        } catch {
          return; // not JSON at all (a BigInt): it could never be written
        }
        expect(openRecord(text).ok).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it('every state written is read back exactly (property)', () => {
    const p = fc.record({
      id: fc.stringMatching(/^p\d{1,4}$/),
      number: fc.stringMatching(/^0\d{9,11}$/),
      label: fc.string({ maxLength: 60 }),
      held: fc.boolean(),
      muted: fc.boolean(),
      pending: fc.constantFrom(null, 'CONFERENCE', 'HOLD', 'UNHOLD', 'MUTE', 'UNMUTE', 'KICK_CALL' as const),
      heldSince: fc.option(fc.nat()),
    });
    fc.assert(
      fc.property(fc.array(p, { maxLength: 8 }), fc.string({ maxLength: 100 }), (ps, draft) => {
        const b = body({ draft }, { participants: ps.map((x) => participant(x)) });
        expect(openRecord(sealRecord(b))).toEqual({ ok: true, body: b });
      }),
    );
  });
});
