import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from '../private-files';
import type { HistoryEntry } from './entry';
import { sanitizeEntry } from './entry';

const FILE_NAME = /^history-(\d{4}-\d{2}-\d{2})\.jsonl$/;
export const DAY_MS = 86_400_000;

/** `history-YYYY-MM-DD.jsonl` for the UTC day of `at`. */
export function fileNameFor(at: number): string {
  return `history-${new Date(at).toISOString().slice(0, 10)}.jsonl`;
}

/** The history files in `dir` with the UTC midnight of their day, oldest first. */
export function listDayFiles(dir: string): { name: string; day: number }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = FILE_NAME.exec(name);
      const day = m ? Date.parse(`${m[1]}T00:00:00Z`) : NaN;
      return Number.isNaN(day) ? [] : [{ name, day }];
    })
    .sort((a, b) => a.day - b.day);
}

/** True when the file exists, is not empty and its last byte is not a newline (a torn write). */
function endsMidLine(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const { size } = fs.fstatSync(fd);
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Appends one JSON line in a single O_APPEND write. If the file ends in a torn line (a crash mid-write),
 * a newline is written first so the torn fragment stays alone on its line and this entry stays readable.
 */
export function appendLine(file: string, entry: HistoryEntry): void {
  const prefix = endsMidLine(file) ? '\n' : '';
  fs.appendFileSync(file, `${prefix}${JSON.stringify(entry)}\n`, {
    encoding: 'utf8',
    mode: PRIVATE_FILE_MODE,
  });
}

/** Every readable entry of a file; a torn or foreign line is skipped, never fatal. */
export async function readEntries(file: string): Promise<HistoryEntry[]> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch {
    return [];
  }
  const entries: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = sanitizeEntry(JSON.parse(line));
      if (entry) entries.push(entry);
    } catch {
      // A torn line from a crash: skip it.
    }
  }
  return entries;
}

export async function readDays(dir: string, files: readonly { name: string }[]): Promise<HistoryEntry[]> {
  const chunks = await Promise.all(files.map((f) => readEntries(path.join(dir, f.name))));
  return chunks.flat();
}
