import type { ButtonInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
import { PermissionDeniedError, ShuttingDownError } from '../errors.js';
import type { Logger } from '../logger.js';
import { messagePayload, replyOnce } from './acknowledge.js';
import { followUpTurnId, shownPassageIds } from './answer-buttons.js';
import type { AttachedFile, BotServices, Command, CommandContext, MessageCommand } from './command.js';
import { answerFollowUp, showFollowUpModal } from './follow-ups.js';
import { canManageServer, isModerator } from './permissions.js';
import type { CommandRateLimits } from './rate-limits.js';
import { renderPassages, renderSources } from './render.js';
import { replyWithError, sendMessages } from './reply.js';
import { sourcesPageOf } from './sources-buttons.js';
import { DISCORD_TEXTS } from './texts.js';

export interface RouterOptions {
  commands: ReadonlyMap<string, Command>;
  /** Commands of a message's Apps menu ("Ask newsdesk"), by name. */
  messageCommands?: ReadonlyMap<string, MessageCommand>;
  services: BotServices;
  log: Logger;
  downloadAttachment(file: AttachedFile): Promise<Uint8Array>;
  /** Per-member and per-server limits; none when absent. */
  rateLimits?: CommandRateLimits;
  /** True once the bot is stopping: new commands are turned away with a message. */
  isStopping?: () => boolean;
}

/**
 * Route every interaction to its command, after the guards (in a server; a known command;
 * moderators only where the command says so). Nothing thrown escapes: it ends in replyWithError.
 */
export function createInteractionRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
  const { commands, services, log } = options;

  const contextFor = (interaction: Interaction & { guildId: string }): CommandContext => {
    const settings = services.settings.get(interaction.guildId);
    return {
      services,
      guildId: interaction.guildId,
      settings,
      isModerator: isModerator(interaction, settings),
      canManageServer: canManageServer(interaction),
      downloadAttachment: options.downloadAttachment,
      log,
    };
  };

  return async (interaction) => {
    const started = performance.now();
    try {
      if (interaction.isAutocomplete()) {
        const command = commands.get(interaction.commandName);
        if (!interaction.inGuild() || !command?.autocomplete) return await interaction.respond([]);
        return await command.autocomplete(interaction, contextFor(interaction));
      }
      if (interaction.isButton()) {
        if (!interaction.inGuild()) return;
        await pressButton(interaction, contextFor(interaction));
        return;
      }
      if (interaction.isModalSubmit()) {
        const turnId = followUpTurnId(interaction.customId);
        if (!interaction.inGuild() || turnId === undefined) return;
        if (options.isStopping?.()) throw new ShuttingDownError();
        await options.rateLimits?.consume('ask', interaction.guildId, interaction.user.id);
        await answerFollowUp(interaction, turnId, contextFor(interaction));
        return;
      }
      if (interaction.isMessageContextMenuCommand()) {
        if (options.isStopping?.()) throw new ShuttingDownError();
        const command = options.messageCommands?.get(interaction.commandName);
        if (!interaction.inGuild() || !command) {
          await replyOnce(interaction, { content: DISCORD_TEXTS.unknownCommand, embeds: [] }, { ephemeral: true });
          return;
        }
        const context = contextFor(interaction);
        if (command.moderatorsOnly && !context.isModerator) {
          throw new PermissionDeniedError('not-moderator', DISCORD_TEXTS.moderatorsOnlyMenu(command.data.name));
        }
        // The menu's commands share the limits of the slash commands they stand for.
        await options.rateLimits?.consume(
          command.moderatorsOnly ? 'add' : 'ask',
          interaction.guildId,
          interaction.user.id,
        );
        await command.execute(interaction, context);
        log.info(
          { command: interaction.commandName, guild: interaction.guildId, ms: Math.round(performance.now() - started) },
          'message command handled',
        );
        return;
      }
      if (!interaction.isChatInputCommand()) {
        if (interaction.isRepliable()) {
          await replyOnce(interaction, { content: DISCORD_TEXTS.unknownCommand, embeds: [] }, { ephemeral: true });
        }
        return;
      }
      if (options.isStopping?.()) throw new ShuttingDownError();
      if (!interaction.inGuild()) {
        await replyOnce(interaction, { content: DISCORD_TEXTS.directMessage, embeds: [] }, { ephemeral: true });
        return;
      }
      const command = commands.get(interaction.commandName);
      if (!command) {
        log.warn({ command: interaction.commandName }, 'unknown or stale command');
        await replyOnce(interaction, { content: DISCORD_TEXTS.unknownCommand, embeds: [] }, { ephemeral: true });
        return;
      }
      const context = contextFor(interaction);
      if (command.moderatorsOnly && !context.isModerator) {
        throw new PermissionDeniedError('not-moderator', DISCORD_TEXTS.moderatorsOnly(command.data.name));
      }
      await options.rateLimits?.consume(interaction.commandName, interaction.guildId, interaction.user.id);
      await command.execute(interaction as ChatInputCommandInteraction, context);
      log.info(
        { command: interaction.commandName, guild: interaction.guildId, ms: Math.round(performance.now() - started) },
        'command handled',
      );
    } catch (error) {
      await replyWithError(interaction, error, log);
    }
  };
}

/** A button under one of the bot's messages; its custom id says what it does and on what. */
async function pressButton(interaction: ButtonInteraction, { services, guildId }: CommandContext): Promise<void> {
  const turnId = followUpTurnId(interaction.customId);
  if (turnId !== undefined) {
    await showFollowUpModal(interaction, turnId);
    return;
  }
  const sources = sourcesPageOf(interaction.customId);
  if (sources) {
    // The page replaces the one the button is under (only its presser sees the list).
    const [message] = renderSources(services.listSources(guildId, sources), sources.query);
    if (message) await interaction.update(messagePayload(message));
    return;
  }
  const passageIds = shownPassageIds(interaction.customId);
  if (!passageIds) {
    await replyOnce(interaction, { content: DISCORD_TEXTS.unknownCommand, embeds: [] }, { ephemeral: true });
    return;
  }
  // Only the guild's own passages: a button copied into another server shows nothing of this one.
  await sendMessages(interaction, renderPassages(services.passages(guildId, passageIds)), { ephemeral: true });
}
