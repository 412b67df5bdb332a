import type { RestoreNotice, Snapshot } from '../../../shared/session';
import type { ConferenceEngine } from '../conference/engine';
import type { AccountContext } from './account-context';
import type { DemoRunner } from './demo';

/** What the renderer draws: the session, demo mode, and what Settings still lacks before a call works. */
export function createSnapshots(deps: {
  account: AccountContext;
  engine: () => ConferenceEngine;
  demo: DemoRunner;
  now: () => number;
  /** What the start did with a journaled call (session/restore.ts). */
  notice?: () => (RestoreNotice & { ucid: string | null }) | null;
}): () => Snapshot {
  let seq = 0;
  return () => {
    const { account, demo } = deps;
    const missing = account.demoOn() ? [] : [...account.gaps(), ...(account.keyKnown() ? [] : ['API key'])];
    return {
      seq: ++seq,
      session: deps.engine().view(),
      demo: account.demoOn(),
      demoUcid: demo.running?.ucid ?? null,
      ready: missing.length === 0,
      missing,
      at: deps.now(),
      restore: visibleNotice(deps.notice?.() ?? null, deps.engine().view()?.ucid ?? null),
    };
  };
}

/**
 * The start's notice stays while it is still true: "restored" while that call is open, "not restored"
 * until a call opens. The ucid it is about stays in main.
 */
function visibleNotice(
  notice: (RestoreNotice & { ucid: string | null }) | null,
  open: string | null,
): RestoreNotice | null {
  if (!notice) return null;
  const { ucid, ...shown } = notice;
  if (notice.kind === 'restored') return open === ucid ? shown : null;
  return open === null ? shown : null;
}
