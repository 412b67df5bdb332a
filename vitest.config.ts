import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

const SMOKE = 'tests/integration/cli/smoke.test.ts';
// keytar's libsecret binding crashes or hangs inside a worker thread: files that reach the real keychain
// run in child processes; everything else runs in threads, which start several times faster.
const KEYCHAIN = ['tests/integration/vault/**/*.test.ts', 'tests/integration/cli/keychain.test.ts'];
// MIT Kerberos reads KRB5_CONFIG/KRB5CCNAME from the real environment, which a worker thread cannot set.
const KERBEROS = ['tests/integration/net/negotiate-squid.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores, i.e. a single worker on a 2-core machine; the
    // suite mostly waits on loopback HTTP and timers, so it uses every core.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit+integration',
          pool: 'threads',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, SMOKE, ...KEYCHAIN, ...KERBEROS],
        },
      },
      {
        extends: true,
        test: { name: 'keychain', pool: 'forks', include: KEYCHAIN },
      },
      {
        extends: true,
        test: { name: 'kerberos', pool: 'forks', include: KERBEROS },
      },
      {
        // The shipped CLI as a child process: built once per run by the global setup, which runs only
        // when a smoke test is selected (so a targeted `npx vitest run tests/unit/...` builds nothing).
        extends: true,
        test: {
          name: 'cli smoke',
          pool: 'forks',
          include: [SMOKE],
          globalSetup: ['tests/integration/cli/global-setup.ts'],
        },
      },
    ],
  },
});
