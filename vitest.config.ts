import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The real embedding model and native index are loaded per file; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Warnings that tests provoke on purpose would drown the report; errors still show.
    env: { LOG_LEVEL: 'error' },
  },
});
