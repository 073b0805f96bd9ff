import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'subnets/*/test/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/test/**/*.test.ts',
    ],
    // Run alone by `npm run test:localnet` (vitest.localnet.config.ts).
    exclude: ['**/node_modules/**', 'packages/cli/test/localnet/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
