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

/**
 * `--smoke` (print to stdout) or `--smoke=<file>`: the release workflow launches each unpacked app once this
 * way; main loads from the asar, loads the native keychain module, says so and exits. null: a normal start.
 */
export function smokeOutput(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (arg === '--smoke') return '-';
    if (arg.startsWith('--smoke=') && arg.length > '--smoke='.length) return arg.slice('--smoke='.length);
  }
  return null;
}
