/**
 * The session journal: the live call in `session.json` beside the app's other data, so a killed or crashed
 * ConfBar brings the call back when it starts again. Electron-free (the app and the CLI read the same file).
 *
 * - Every write replaces the file whole (atomic-file.ts: temp, fsync, rename, fsync the folder).
 * - Writes are serialised: one drain loop, and a state recorded while a write is under way replaces any
 *   state still waiting, so the disk always gets the newest state and never an older one after it.
 * - Recording never waits for the disk: the engine's press sends its request while the write goes on.
 * - `session.prev.json` is the write before; the current file becomes it only when the current file is
 *   known good (read and verified, or written by this run), so a good copy is never replaced by a bad one.
 * - A file that cannot be used is renamed aside (`session.corrupt-…` / `session.set-aside-…`), kept for
 *   support, the newest few only.
 */
import path from 'node:path';
import type { Logger } from '../log';
import { ensurePrivateDir } from '../private-files';
import { isMissing, nodeJournalIo, writeAtomic, type JournalIo } from './atomic-file';
import { openRecord, sealRecord, type JournalBody } from './record';

export const JOURNAL_FILE = 'session.json';
export const PREVIOUS_FILE = 'session.prev.json';
/** How many set-aside files of each kind are kept. */
export const KEEP_SET_ASIDE = 5;

export type SetAsideKind = 'corrupt' | 'set-aside';

export interface SetAside {
  file: string;
  why: string;
}

export interface LoadResult {
  /** The newest good record, or null. */
  body: JournalBody | null;
  /** Which file it came from: the previous one means the newest write was lost or unreadable. */
  from: 'current' | 'previous' | null;
  /** Files that could not be read and were renamed aside. */
  setAside: SetAside[];
}

export interface SessionJournal {
  /** The folder holding the journal. */
  readonly dir: string;
  /**
   * Queues this state to be written; returns at once. With `now` (a dial about to go out) the state is
   * also on disk before this returns, safe from a kill (not a power cut) in the instant the request leaves.
   */
  record(body: JournalBody, opts?: { now?: boolean }): void;
  /** Queues deleting both files (the call ended, or a clean quit with no live call). */
  remove(): void;
  /** Resolves once everything queued so far is on disk (or failed and was logged). */
  flush(): Promise<void>;
  /** Reads the newest good state at start, setting aside what cannot be read. */
  load(): Promise<LoadResult>;
  /** Renames the journal's files aside, e.g. a good file of another account; returns the new name. */
  setAside(kind: SetAsideKind, why: string): Promise<SetAside | null>;
  /** How long each write took (ms), newest last, at most 1000: the benchmark's figure. */
  readonly writeTimes: readonly number[];
  /** How long each synchronous write (a dial's intent, on the press's path) took (ms), at most 1000. */
  readonly nowTimes: readonly number[];
}

type Op = { kind: 'write'; text: string } | { kind: 'remove' };

export function createJournal(opts: {
  dir: string;
  io?: JournalIo;
  log?: Logger;
  now?: () => number;
}): SessionJournal {
  const { dir } = opts;
  const io = opts.io ?? nodeJournalIo;
  const now = opts.now ?? Date.now;
  const current = path.join(dir, JOURNAL_FILE);
  const previous = path.join(dir, PREVIOUS_FILE);
  const writeTimes: number[] = [];
  const nowTimes: number[] = [];
  let dirReady = false;
  // The current file is known good: it may become the previous one.
  let currentGood = false;
  // Something may be on disk (so a remove has work to do).
  let onDisk = true;
  let next: Op | null = null;
  let draining: Promise<void> | null = null;
  // Counts synchronous writes: an async write begun before one must not land over it.
  let writtenNow = 0;

  function readyDir(): void {
    if (dirReady) return;
    ensurePrivateDir(dir);
    dirReady = true;
  }

  function schedule(op: Op): void {
    next = op;
    draining ??= drain();
  }

  async function drain(): Promise<void> {
    // Yield once so the caller's request leaves before the first byte is written.
    await Promise.resolve();
    while (next) {
      const op = next;
      next = null;
      try {
        await run(op);
      } catch (e) {
        opts.log?.warn('the session journal could not be written', { error: message(e) });
      }
    }
    draining = null;
  }

  async function run(op: Op): Promise<void> {
    if (op.kind === 'remove') {
      await Promise.all([unlinkIfThere(current), unlinkIfThere(previous)]);
      currentGood = false;
      onDisk = false;
      return;
    }
    readyDir();
    const started = performance.now();
    onDisk = true;
    // A synchronous write (record's `now`) may land while this one is under way: then this older state
    // must neither rotate the newer file away nor replace it. (One dispatched to the disk an instant before
    // can still land after it: the write queued behind puts the newer state back a few ms later.)
    const before = writtenNow;
    const newest = () => writtenNow === before;
    if (currentGood && newest()) await io.rename(current, previous);
    const landed = await writeAtomic(io, current, op.text, newest);
    if (!landed) return; // the write queued after the synchronous one makes it durable
    currentGood = true;
    keepLast(writeTimes, performance.now() - started);
  }

  async function unlinkIfThere(file: string): Promise<void> {
    try {
      await io.unlink(file);
    } catch (e) {
      if (!isMissing(e)) throw e;
    }
  }

  async function readOne(file: string, out: SetAside[]): Promise<JournalBody | null> {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (e) {
      if (isMissing(e)) return null;
      out.push({ file, why: `it could not be read (${message(e)})` });
      return null;
    }
    const opened = openRecord(text);
    if (opened.ok) return opened.body;
    const moved = await moveAside(file, 'corrupt');
    out.push({ file: moved ?? file, why: opened.why });
    return null;
  }

  async function moveAside(file: string, kind: SetAsideKind): Promise<string | null> {
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const which = file === previous ? '-prev' : '';
    const target = path.join(dir, `session.${kind}-${stamp}${which}.json`);
    try {
      await io.rename(file, target);
    } catch (e) {
      if (isMissing(e)) return null;
      opts.log?.warn('a session file could not be set aside', { error: message(e) });
      return null;
    }
    await prune(kind);
    return target;
  }

  async function prune(kind: SetAsideKind): Promise<void> {
    const prefix = `session.${kind}-`;
    const names = (await io.readdir(dir)).filter((n) => n.startsWith(prefix) && n.endsWith('.json')).sort();
    for (const name of names.slice(0, Math.max(0, names.length - KEEP_SET_ASIDE)))
      await unlinkIfThere(path.join(dir, name));
  }

  return {
    dir,
    writeTimes,
    nowTimes,
    record(body, how) {
      const started = performance.now();
      const text = sealRecord(body);
      if (how?.now && io.writeNow) {
        try {
          readyDir();
          io.writeNow(current, text);
          writtenNow += 1;
          onDisk = true;
          keepLast(nowTimes, performance.now() - started);
        } catch (e) {
          opts.log?.warn('the session journal could not be written before the dial', { error: message(e) });
        }
      }
      schedule({ kind: 'write', text });
    },
    remove() {
      if (!onDisk && !next && !draining) return;
      schedule({ kind: 'remove' });
    },
    async flush() {
      while (draining) await draining;
    },
    async load() {
      const setAside: SetAside[] = [];
      const fromCurrent = await readOne(current, setAside);
      if (fromCurrent) {
        currentGood = true;
        return { body: fromCurrent, from: 'current', setAside };
      }
      const fromPrevious = await readOne(previous, setAside);
      onDisk = fromPrevious !== null;
      return { body: fromPrevious, from: fromPrevious ? 'previous' : null, setAside };
    },
    async setAside(kind, why) {
      await this.flush();
      const fromCurrent = await moveAside(current, kind);
      const fromPrevious = await moveAside(previous, kind);
      const moved = fromCurrent ?? fromPrevious;
      currentGood = false;
      onDisk = false;
      return moved ? { file: moved, why } : null;
    },
  };
}

/** The benchmark's figures: the newest 1000 durations. */
function keepLast(times: number[], ms: number): void {
  times.push(ms);
  if (times.length > 1000) times.shift();
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
