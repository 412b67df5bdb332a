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
};

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

/** Replaces `file` whole: a temp file beside it, fsync, rename over it, fsync the folder. Never torn. */
export async function writeAtomic(io: JournalIo, file: string, data: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await io.writeFile(temp, data);
  await io.rename(temp, file);
  await io.syncDir(path.dirname(file));
}

/** True when the error says the file is simply not there. */
export function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
