import { renameSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from '../private-files';

/**
 * The file operations the journal needs, as a port: the real ones by default; a test stops them at a
 * chosen instant to play a process that dies there (nothing after that point reaches the disk).
 */
export interface JournalIo {
  writeFile(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
  readFile(file: string): Promise<string>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /**
   * Replaces `file` whole before returning: temp file, rename, no fsync. It survives the process being
   * killed (the page cache outlives it), not a power cut; the fsync'd write that follows covers that.
   */
  writeNow?(file: string, data: string): void;
}

const RENAME_RETRIES = 5;
const RENAME_RETRY_MS = 20;

/** Node's own file system, with the fsyncs a journal needs (Firefox leaves them off; a crash would not). */
export const nodeJournalIo: JournalIo = {
  async writeFile(file, data) {
    const handle = await fs.open(file, 'w', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => renameWithRetry(from, to),
  async syncDir(dir) {
    // Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals renames.
    if (process.platform === 'win32') return;
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  readFile: (file) => fs.readFile(file, 'utf8'),
  unlink: (file) => fs.unlink(file),
  readdir: (dir) => fs.readdir(dir),
  writeNow(file, data) {
    const temp = tempOf(file, 'now');
    writeFileSync(temp, data, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
    renameSync(temp, file);
  },
};

function tempOf(file: string, tag: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${tag}.tmp`);
}

/**
 * rename(2), retried briefly on Windows' EPERM/EBUSY/EACCES: an antivirus or indexer holding the target
 * open for a moment makes a rename over it fail there, where it would succeed a few ms later.
 */
export async function renameWithRetry(
  from: string,
  to: string,
  os: { platform?: NodeJS.Platform; rename?: (a: string, b: string) => Promise<void> } = {},
): Promise<void> {
  const rename = os.rename ?? fs.rename;
  const platform = os.platform ?? process.platform;
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      const transient = platform === 'win32' && ['EPERM', 'EBUSY', 'EACCES'].includes(code);
      if (!transient || attempt >= RENAME_RETRIES) throw e;
      await new Promise((r) => setTimeout(r, RENAME_RETRY_MS * (attempt + 1)));
    }
  }
}

/**
 * Replaces `file` whole: a temp file beside it, fsync, rename over it, fsync the folder. Never torn.
 * `stillNewest` is asked before the rename: false (a newer state landed meanwhile) leaves the file alone.
 */
export async function writeAtomic(
  io: JournalIo,
  file: string,
  data: string,
  stillNewest: () => boolean = () => true,
): Promise<boolean> {
  const temp = tempOf(file, 'async');
  await io.writeFile(temp, data);
  if (!stillNewest()) {
    await io.unlink(temp).catch(() => undefined);
    return false;
  }
  await io.rename(temp, file);
  await io.syncDir(path.dirname(file));
  return true;
}

/** True when the error says the file is simply not there. */
export function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
