import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';

let chrono: typeof Chrono | undefined;

/**
 * chrono-node's `parse`, loaded on first use: its import takes about 80 ms, which every
 * `npm run ask` and `sources` would pay though most questions name no date. The CommonJS build is
 * required so that callers stay synchronous.
 */
export function parseDates(...args: Parameters<typeof Chrono.parse>): ReturnType<typeof Chrono.parse> {
  chrono ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono;
  return chrono.parse(...args);
}
