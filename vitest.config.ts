import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'tests/**/*.test.ts', 'tracker/**/*.test.ts', 'server/**/*.test.ts', 'stripe-emulator/**/*.test.ts', 'packages/**/*.test.ts'],
    exclude: ['node_modules', 'e2e', '.next'],
    globalSetup: ['tests/setup/global-db.ts'],
    setupFiles: ['tests/setup/worker-env.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
