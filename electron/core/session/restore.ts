import type { RestoreNotice } from '../../../shared/session';
import type { ConferenceEngine } from '../conference/engine';
import type { Logger } from '../log';
import type { SessionJournal } from './journal';
import { decideRestore } from './restore-rules';

/** The notice for the window, plus the ucid it is about (the notice goes once another call opens). */
export type StartNotice = RestoreNotice & { ucid: string | null };

/**
 * At start: reads the journal, restores the call the rules allow into the engine, and sets aside what
 * they refuse. Never throws and never restores half a session: any failure is a notice, not a crash.
 */
export async function restoreAtStart(deps: {
  journal: SessionJournal;
  engine: ConferenceEngine;
  account: () => string | null;
  demoOn: () => boolean;
  now: () => number;
  log: Logger;
}): Promise<StartNotice | null> {
  const { journal, log } = deps;
  const at = deps.now();
  try {
    const loaded = await journal.load();
    const unreadable = loaded.setAside.map((s) => `${s.why} (kept as ${s.file})`);
    for (const why of unreadable) log.warn('a session journal file was set aside', { why });
    if (!loaded.body) {
      if (unreadable.length === 0) return null;
      return {
        kind: 'not-restored',
        at,
        ucid: null,
        message: `The call saved before the restart could not be restored: ${unreadable.join('; ')}.`,
      };
    }
    const decision = decideRestore(loaded.body, {
      account: deps.account(),
      now: at,
      demoOn: deps.demoOn(),
      fromPrevious: loaded.from === 'previous',
    });
    if (!decision.restore) {
      let why = decision.why;
      if (decision.file === 'drop') journal.remove();
      else {
        const kept = await journal.setAside('set-aside', why);
        if (kept) why += ` Its file was kept as ${kept.file}.`;
      }
      log.info('the journaled call was not restored', { why });
      return { kind: 'not-restored', at, ucid: null, message: why };
    }
    deps.engine.restore(decision.session);
    log.info('restored the call journaled before the restart', {
      participants: decision.session.participants.length,
    });
    return {
      kind: 'restored',
      at,
      ucid: decision.session.ucid,
      message: decision.note,
      draft: loaded.body.draft,
    };
  } catch (e) {
    log.error('the session journal could not be read', { error: e instanceof Error ? e.message : String(e) });
    return {
      kind: 'not-restored',
      at,
      ucid: null,
      message: 'The call saved before the restart could not be read; ConfBar started without it.',
    };
  }
}
