import { defineConfig } from 'vitest/config';
import { TEST_LOG_FILE } from './tests/global-setup.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The real embedding model and native index are loaded per file; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every log line of the run goes to one file (not the report), at debug level, so that
    // tests/check-logs-for-secrets.ts (run by `npm test` after vitest) can check that no secret was logged.
    env: { LOG_LEVEL: 'debug', LOG_FILE: TEST_LOG_FILE },
    globalSetup: ['tests/global-setup.ts'],
    // Each test process configures the logger from the environment above, as the entry points do.
    setupFiles: ['tests/setup-logger.ts'],
    // CI asks for a JSON summary too (VITEST_JSON names the file), to print its counts.
    ...(process.env.VITEST_JSON
      ? { reporters: ['default', 'json'], outputFile: { json: process.env.VITEST_JSON } }
      : {}),
  },
});
