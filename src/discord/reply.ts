import { type AutocompleteInteraction, type Interaction, MessageFlags, type RepliableInteraction } from 'discord.js';
import { isUserError } from '../errors.js';
import type { Logger } from '../logger.js';
import { messagePayload, replyOnce } from './acknowledge.js';
import type { DiscordMessage } from './limits.js';
import { DISCORD_TEXTS } from './texts.js';

/** Send a rendered reply: the first message answers (or edits the deferral), the rest follow up. */
export async function sendMessages(
  interaction: RepliableInteraction,
  messages: readonly DiscordMessage[],
  options: { ephemeral?: boolean } = {},
): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  for (const [index, message] of messages.entries()) {
    const payload = messagePayload(message);
    if (index === 0) {
      if (interaction.deferred || interaction.replied) await interaction.editReply(payload);
      else await replyOnce(interaction, message, options);
    } else {
      await interaction.followUp(
        flags || interaction.ephemeral ? { ...payload, flags: MessageFlags.Ephemeral } : payload,
      );
    }
  }
}

/**
 * The one place a failed interaction ends: the member gets a short ephemeral message (the error's own
 * for a UserError, a generic one otherwise) and the log gets the details. It never throws.
 */
export async function replyWithError(interaction: Interaction, error: unknown, log: Logger): Promise<void> {
  const userFacing = isUserError(error);
  const context = {
    interaction: interaction.id,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    guild: interaction.guildId,
  };
  if (userFacing) log.info({ ...context, code: error.code }, 'refused: %s', error.message);
  else log.error({ ...context, err: error }, 'interaction failed');
  if (interaction.isAutocomplete()) return respondEmpty(interaction, log);
  if (!interaction.isRepliable()) return;
  const content = userFacing ? error.message : DISCORD_TEXTS.genericFailure;
  try {
    if (!interaction.deferred && !interaction.replied) {
      await replyOnce(interaction, { content, embeds: [] }, { ephemeral: true });
    } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
      await interaction.editReply({ content, embeds: [] });
    } else {
      // A public "thinking…" or reply stays visible to everyone; take it away and tell only the member.
      if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
    }
  } catch (replyError) {
    log.warn({ ...context, err: replyError }, 'could not tell the member about the failure');
  }
}

async function respondEmpty(interaction: AutocompleteInteraction, log: Logger): Promise<void> {
  if (interaction.responded) return;
  try {
    await interaction.respond([]);
  } catch (error) {
    log.debug({ err: error }, 'autocomplete response failed');
  }
}
