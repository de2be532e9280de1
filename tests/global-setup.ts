import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Where every test process appends its log lines (LOG_FILE in vitest.config.ts). It starts empty;
 * after the run, tests/check-logs-for-secrets.ts reads it (`npm test` runs both). One file per
 * checkout, so a test run in another clone on the same machine cannot empty it mid-run.
 */
export const TEST_LOG_FILE = path.join(
  tmpdir(),
  `newsdesk-test-run-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)}`,
  'newsdesk.log',
);

export function setup(): void {
  rmSync(TEST_LOG_FILE, { force: true });
  mkdirSync(path.dirname(TEST_LOG_FILE), { recursive: true });
}
