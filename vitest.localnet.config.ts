import { defineConfig } from 'vitest/config';

// The local network test starts about twenty processes; it runs alone, after the other tests.
export default defineConfig({
  test: {
    include: ['packages/cli/test/localnet/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
