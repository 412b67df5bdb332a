/**
 * When the page's process dies or hangs, main reloads it (the session is main's: the page rehydrates from
 * the next snapshot). A page that dies again and again is not reloaded for ever: after CRASH_LIMIT deaths
 * within CRASH_WINDOW_MS the shell stops and tells the agent where the log is.
 */
export const CRASH_LIMIT = 3;
export const CRASH_WINDOW_MS = 60_000;
/** A page unresponsive this long is reloaded (Chromium says "unresponsive" after a few seconds already). */
export const HANG_RELOAD_MS = 5_000;

export type CrashDecision = { action: 'reload' | 'give-up'; recent: number[] };

/** One more death at `now`, given the earlier ones: reload, or give up (the third within a minute). */
export function onPageDeath(earlier: readonly number[], now: number): CrashDecision {
  const recent = [...earlier.filter((t) => now - t < CRASH_WINDOW_MS), now];
  return { action: recent.length >= CRASH_LIMIT ? 'give-up' : 'reload', recent };
}

/** Deaths worth counting: a clean exit is the page closing, not a crash. */
export function isPageDeath(reason: string): boolean {
  return reason !== 'clean-exit';
}

/** The native dialog after giving up, in words; `logFile` is where the diagnostic log is. */
export function crashLoopMessage(logFile: string | null): { title: string; message: string; detail: string } {
  return {
    title: 'ConfBar’s window keeps failing',
    message: `ConfBar’s window failed ${CRASH_LIMIT} times within a minute, so it is not reloaded again.`,
    detail: [
      'The call is safe: CloudAgent keeps it, ConfBar keeps its state, and global shortcuts still work.',
      logFile ? `The log for support is at ${logFile}.` : 'The log for support is in ConfBar’s log folder.',
      'Quit and start ConfBar again to bring the window back; the call comes back with it.',
    ].join('\n'),
  };
}
