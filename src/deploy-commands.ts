import { loadConfig } from './config.js';
import { createDiscordRest } from './discord/client.js';
import { loadCommands, loadMessageCommands } from './discord/load-commands.js';
import { registerCommands } from './discord/register-commands.js';
import { ConfigError } from './errors.js';
import { componentLogger, configureLogger } from './logger.js';

/** `npm run deploy-commands`: register the slash commands with Discord. */
async function main(): Promise<void> {
  const config = loadConfig();
  configureLogger(config.log);
  if (!config.discord.token || !config.discord.clientId) {
    throw new ConfigError(
      'Invalid configuration. DISCORD_TOKEN and DISCORD_CLIENT_ID are required to register commands.',
    );
  }
  const log = componentLogger('deploy');
  const commands = await loadCommands(log);
  const result = await registerCommands(
    config.discord,
    commands,
    createDiscordRest(config.discord),
    await loadMessageCommands(log),
  );
  console.log(
    result.scope === 'guild'
      ? `Registered ${result.count} commands in guild ${config.discord.guildId} (available at once).`
      : `Registered ${result.count} commands globally (Discord may take up to an hour to show them).`,
  );
}

try {
  await main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Could not register commands: ${String(error)}`);
  process.exitCode = 1;
}
