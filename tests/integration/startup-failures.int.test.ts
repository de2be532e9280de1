import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const temp = makeTempDir();
afterAll(() => temp.remove());

/** A Discord API on 127.0.0.1 that answers every request with `status` (and Discord's JSON error body). */
async function discordAnswering(status: number): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message: `${status}: refused by the test`, code: 0 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

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

  it('says the token was refused when Discord answers 401, exit 2, no stack', async () => {
    const discord = await discordAnswering(401);
    try {
      const result = await start({
        DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.refused.token',
        DISCORD_CLIENT_ID: '123456789012345678',
        DISCORD_API_URL: discord.url,
      });
      expect(discord.requests.length).toBeGreaterThan(0);
      expect(result.code).toBe(2);
      expect(result.lastLine).toBe(
        'Discord refused DISCORD_TOKEN: copy the bot token again from the developer portal.',
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await discord.close();
    }
  });

  it('says Discord failed and to try again when it answers 503 at start-up, exit 1, no stack', async () => {
    const discord = await discordAnswering(503);
    try {
      const result = await start({
        DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.valid.token',
        DISCORD_CLIENT_ID: '123456789012345678',
        DISCORD_API_URL: discord.url,
      });
      expect(result.code).toBe(1);
      expect(result.lastLine).toBe('Discord answered 503 at start-up; try again in a few minutes.');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await discord.close();
    }
  });

  it('names the variable of a bad configuration, exit 2', async () => {
    const result = await start({ LOG_LEVEL: 'loud' });
    expect(result.code).toBe(2);
    expect(result.lastLine).toBe(
      'Invalid configuration. LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });
});
