/**
 * Run after the whole test suite (`npm test`): no secret the tests configure may appear anywhere in
 * the run's logs. Exits 1 when one does, or when there are no logs to check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { TEST_LOG_FILE } from './global-setup.js';
import { TEST_SECRETS } from './helpers/secrets.js';

const logs = existsSync(TEST_LOG_FILE) ? readFileSync(TEST_LOG_FILE, 'utf8') : '';
const lines = logs.split('\n').filter((line) => line !== '').length;
const leaked = Object.entries(TEST_SECRETS).filter(([, secret]) => logs.includes(secret));
if (leaked.length > 0) {
  console.error(`Secrets found in the test run's logs (${TEST_LOG_FILE}): ${leaked.map(([name]) => name).join(', ')}`);
  process.exit(1);
}
if (lines === 0) {
  console.error(`The test run wrote no log lines to ${TEST_LOG_FILE}: the secrets check saw nothing.`);
  process.exit(1);
}
console.log(`Secrets check: ${lines} log lines of the test run, no secret in them.`);
