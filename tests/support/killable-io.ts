import { basename } from 'node:path';
import { nodeJournalIo, type JournalIo } from '../../electron/core/session/atomic-file';
import { JOURNAL_FILE } from '../../electron/core/session/journal';

export interface KillableIo extends JournalIo {
  /** The process "dies" now: no file operation after this reaches the disk. */
  kill(): void;
  /** Dies right after the journal file that matches `text` has landed (renamed into place). */
  killAfterWriteOf(text: RegExp): Promise<void>;
  /** From now on every asynchronous write stays under way (a slow disk): only synchronous ones land. */
  stallAsyncWrites(): void;
  readonly dead: boolean;
}

/**
 * The journal's real file operations, with a kill switch: what a crashed or killed ConfBar leaves on disk
 * is exactly what had landed before the instant it died. After the kill every operation fails (so the
 * dead services can still be disposed by the test without touching the folder again).
 */
export function killableIo(): KillableIo {
  let dead = false;
  let stalled = false;
  // A stalled write fails when the process dies, as it would never complete.
  const stalledWrites: Array<(e: Error) => void> = [];
  let trigger: { text: RegExp; fire: () => void } | null = null;
  const pending = new Map<string, string>();
  const landed = (file: string, data: string | undefined): void => {
    if (trigger && basename(file) === JOURNAL_FILE && data && trigger.text.test(data)) {
      dead = true;
      trigger.fire();
      trigger = null;
    }
  };
  const gone = () => Promise.reject(new Error('the process is gone'));
  const alive =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> =>
      dead ? gone() : f(...a);
  return {
    get dead() {
      return dead;
    },
    kill() {
      dead = true;
      for (const reject of stalledWrites.splice(0)) reject(new Error('the process is gone'));
    },
    killAfterWriteOf(text) {
      return new Promise((fire) => (trigger = { text, fire }));
    },
    stallAsyncWrites() {
      stalled = true;
    },
    writeFile: alive(async (file, data) => {
      if (stalled) return new Promise<void>((_, reject) => stalledWrites.push(reject));
      pending.set(file, data);
      await nodeJournalIo.writeFile(file, data);
    }),
    rename: alive(async (from, to) => {
      await nodeJournalIo.rename(from, to);
      const data = pending.get(from);
      pending.delete(from);
      landed(to, data);
    }),
    writeNow(file, data) {
      if (dead) throw new Error('the process is gone');
      nodeJournalIo.writeNow!(file, data);
      landed(file, data);
    },
    syncDir: alive(nodeJournalIo.syncDir),
    readFile: alive(nodeJournalIo.readFile),
    unlink: alive(nodeJournalIo.unlink),
    readdir: alive(nodeJournalIo.readdir),
  };
}
