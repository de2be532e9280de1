import { createHash } from 'node:crypto';
import path from 'node:path';

/** Where a guild's file of one kind lives under the data folder: readable, and never two guilds in one file. */
export function guildFile(dataDir: string, folder: string, guildId: string, extension: string): string {
  const readable = guildId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const digest = createHash('sha256').update(guildId).digest('hex').slice(0, 8);
  return path.join(dataDir, folder, `${readable}-${digest}.${extension}`);
}
