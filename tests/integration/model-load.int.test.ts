import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Load the model in a fresh process through tests/helpers/model-load-child.ts; what it printed. */
async function loadInChild(...flags: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tests/helpers/model-load-child.ts', ...flags], {
    timeout: 120_000,
  });
  return stdout.trim();
}

describe('loading the offline model', () => {
  // The cause of "Could not load the USE-lite model" under load: the package starts TensorFlow.js'
  // WASM backend on import without waiting, and weights read before the compile ends were refused.
  it('loads when the WASM backend is slower to start than the weights are to read', async () => {
    expect(await loadInChild('slow-wasm')).toBe('loaded 512');
  });

  it('loads in three processes at once while both cores are busy', async () => {
    const busy = [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    try {
      const results = await Promise.all([loadInChild(), loadInChild(), loadInChild()]);
      expect(results).toEqual(['loaded 512', 'loaded 512', 'loaded 512']);
    } finally {
      for (const child of busy) child.kill('SIGKILL');
    }
  });
});
