import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';

/** Start the Discord bot (built in the Discord issue). */
export async function startBot(_config: Config): Promise<void> {
  throw new ConfigError('The Discord bot is not built yet: unset DISCORD_TOKEN to use the local console.');
}
