import type { Snapshot } from '../../../shared/session';
import type { ConferenceEngine } from '../conference/engine';
import type { AccountContext } from './account-context';
import type { DemoRunner } from './demo';

/** What the renderer draws: the session, demo mode, and what Settings still lacks before a call works. */
export function createSnapshots(deps: {
  account: AccountContext;
  engine: () => ConferenceEngine;
  demo: DemoRunner;
  now: () => number;
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
    };
  };
}
