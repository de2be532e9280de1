import { type REST, Routes } from 'discord.js';
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import type { Command, MessageCommand } from './command.js';

/** Register the slash commands and the message commands: to one guild when DISCORD_GUILD_ID is set (instant, for development), else globally. */
export async function registerCommands(
  discord: Config['discord'],
  commands: ReadonlyMap<string, Command>,
  rest: REST,
  messageCommands: ReadonlyMap<string, MessageCommand> = new Map(),
): Promise<{ scope: 'guild' | 'global'; count: number }> {
  if (!discord.clientId) throw new ConfigError('DISCORD_CLIENT_ID is required to register commands.');
  const body = [
    ...[...commands.values()].map((command) => command.data.toJSON()),
    ...[...messageCommands.values()].map((command) => command.data.toJSON()),
  ];
  const route = discord.guildId
    ? Routes.applicationGuildCommands(discord.clientId, discord.guildId)
    : Routes.applicationCommands(discord.clientId);
  const registered = (await rest.put(route, { body })) as unknown[];
  return { scope: discord.guildId ? 'guild' : 'global', count: registered.length };
}
