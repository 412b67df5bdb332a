/**
 * What the journal says about the call, read without changing anything: for `confbar status` (IT, a
 * supervisor's script) when the app is gone. The app's own start (journal.ts) is what sets files aside.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { VERB } from '../conference/verbs';
import { isMissing } from './atomic-file';
import { JOURNAL_FILE, PREVIOUS_FILE } from './journal';
import { openRecord, type JournalBody, type JournalParticipant } from './record';

export type JournalStatus =
  | { kind: 'none'; file: string }
  | { kind: 'unreadable'; file: string; why: string }
  | { kind: 'call'; file: string; body: JournalBody };

/** The newest readable record in `dir` (session.json, else session.prev.json), or why there is none. */
export async function readJournalStatus(dir: string): Promise<JournalStatus> {
  const current = path.join(dir, JOURNAL_FILE);
  let firstProblem: { file: string; why: string } | null = null;
  for (const file of [current, path.join(dir, PREVIOUS_FILE)]) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if (isMissing(e)) continue;
      firstProblem ??= { file, why: `it could not be read (${(e as Error).message})` };
      continue;
    }
    const opened = openRecord(text);
    if (opened.ok) return { kind: 'call', file, body: opened.body };
    firstProblem ??= { file, why: opened.why };
  }
  return firstProblem ? { kind: 'unreadable', ...firstProblem } : { kind: 'none', file: current };
}

/** One participant in words: "Supervisor (09811112222): held, muted; Hold sent, answer not seen". */
export function describeParticipant(p: JournalParticipant): string {
  const name = p.label && p.label !== p.number ? `${p.label} (${p.number})` : p.number;
  const states = [p.state === 'connected' ? null : p.state, p.held ? 'held' : null, p.muted ? 'muted' : null]
    .filter(Boolean)
    .join(', ');
  const asked = p.pending ?? p.unanswered;
  const open = asked ? `; ${VERB[asked]} sent, answer not seen` : '';
  return `${name}: ${states || 'connected'}${open}`;
}

/** The call's participants grouped the way a supervisor asks: who is held, who is muted. */
export function whoIs(body: JournalBody): { held: string[]; muted: string[] } {
  const live = body.session.participants.filter((p) => p.state === 'connected');
  return {
    held: live.filter((p) => p.held).map((p) => p.number),
    muted: live.filter((p) => p.muted).map((p) => p.number),
  };
}
