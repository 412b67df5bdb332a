/** Launch-time switches read from the environment. */
export interface StartupFlags {
  /** CONFBAR_DEMO=1: start in demo mode (the built-in simulator), e.g. for the Electron e2e suite. */
  demo: boolean;
}

export function startupFlags(env: Record<string, string | undefined>): StartupFlags {
  return { demo: env.CONFBAR_DEMO === '1' };
}

/**
 * Whether to check for updates: only in an installed (packaged) build, never in demo mode or when an
 * administrator turned it off with CONFBAR_DISABLE_UPDATES=1 (managed desktops update by other means).
 */
export function shouldCheckForUpdates(opts: {
  packaged: boolean;
  env: Record<string, string | undefined>;
}): boolean {
  return opts.packaged && opts.env.CONFBAR_DISABLE_UPDATES !== '1' && !startupFlags(opts.env).demo;
}
