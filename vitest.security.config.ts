import { defineConfig } from 'vitest/config';

/**
 * The security proofs (issue "Security and safety"): fuzzing, the fault matrix, the secret scan and
 * Electronegativity. `npm test` runs each folder as its own step (scripts/test-all.mjs), e.g.
 * `npx vitest run --config vitest.security.config.ts tests/security/fuzz`.
 */
export default defineConfig({
  test: {
    include: ['tests/security/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
