import { configDefaults, defineConfig } from 'vitest/config';

const SMOKE = 'tests/integration/cli/smoke.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit+integration',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, SMOKE],
        },
      },
      {
        // The shipped CLI as a child process: built once per run by the global setup, which runs only
        // when a smoke test is selected (so a targeted `npx vitest run tests/unit/...` builds nothing).
        extends: true,
        test: { name: 'cli smoke', include: [SMOKE], globalSetup: ['tests/integration/cli/global-setup.ts'] },
      },
    ],
  },
});
