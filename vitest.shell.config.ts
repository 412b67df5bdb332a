import { defineConfig } from 'vitest/config';

// The main-process suite: the built main bundle booted in plain Node with `electron` resolved to a recording
// double (tests/shell/electron-double.ts). One process per file, since the bundle's top level runs once.
export default defineConfig({
  test: {
    include: ['tests/shell/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    isolate: true,
    globalSetup: ['tests/shell/global-setup.ts'],
    testTimeout: 15_000,
    hookTimeout: 60_000,
    // The bundle is loaded by Node itself, not transformed: that is the code that ships.
    server: { deps: { external: [/tests\/artifacts\/shell-build\//] } },
  },
});
