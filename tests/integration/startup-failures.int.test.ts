import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const temp = makeTempDir();
afterAll(() => temp.remove());

/** `npm start` as a child process, with these variables; its exit code and the last line it printed. */
async function start(env: Record<string, string>): Promise<{ code: number; lastLine: string; stderr: string }> {
  try {
    await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATA_DIR: temp.dir, LOG_FILE: '', ...env },
      timeout: 60_000,
    });
    return { code: 0, lastLine: '', stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    const lines = failed.stderr.trim().split('\n');
    return { code: failed.code, lastLine: lines.at(-1) ?? '', stderr: failed.stderr };
  }
}

describe('start-up failures', () => {
  it('ends with one line naming the Discord address it could not reach, exit 1, no stack', async () => {
    const result = await start({
      DISCORD_TOKEN: 'not-a-real-token',
      DISCORD_CLIENT_ID: '123456789012345678',
      // Nothing listens on the discard port of this machine.
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(result.code).toBe(1);
    expect(result.lastLine).toBe('Could not reach Discord at http://127.0.0.1:9/api: ECONNREFUSED.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the variable of a bad configuration, exit 2', async () => {
    const result = await start({ LOG_LEVEL: 'loud' });
    expect(result.code).toBe(2);
    expect(result.lastLine).toBe(
      'Invalid configuration. LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });
});
