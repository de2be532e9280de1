import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type RepliableInteraction } from 'discord.js';
import type { DiscordMessage } from './limits.js';

/**
 * Show "thinking…" (privately with `ephemeral`). A deferral can reach Discord while its answer is lost
 * on the way back (a timeout, a dropped connection, a 5xx): discord.js then retries, Discord says the
 * interaction is already acknowledged, and without this the member's "thinking…" would never be edited.
 */
export async function deferReply(
  interaction: RepliableInteraction,
  options: { ephemeral?: boolean } = {},
): Promise<void> {
  try {
    await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  } catch (error) {
    if (!(await acknowledgedAnyway(interaction, error))) throw error;
    // What discord.js would have recorded had the answer arrived.
    interaction.deferred = true;
    interaction.ephemeral = options.ephemeral ?? false;
  }
}

/**
 * Answer with a message. When the reply (or an earlier acknowledgement whose answer was lost) reached
 * Discord, the response is edited to this message instead, which is the same message either way.
 */
export async function replyOnce(
  interaction: RepliableInteraction,
  message: DiscordMessage,
  options: { ephemeral?: boolean } = {},
): Promise<void> {
  const payload = messagePayload(message);
  try {
    await interaction.reply(options.ephemeral ? { ...payload, flags: MessageFlags.Ephemeral } : payload);
  } catch (error) {
    if (!(await acknowledgedAnyway(interaction, error))) throw error;
    await interaction.webhook.editMessage('@original', payload);
    interaction.replied = true;
    interaction.ephemeral = options.ephemeral ?? false;
  }
}

/** A rendered message as discord.js sends it (an empty content and no buttons stated, so an edit clears them). */
export function messagePayload(message: DiscordMessage) {
  return { content: message.content ?? '', embeds: message.embeds, components: message.components ?? [] };
}

/** Whether a failed acknowledgement reached Discord all the same. Only this bot holds the token. */
async function acknowledgedAnyway(interaction: RepliableInteraction, error: unknown): Promise<boolean> {
  if (error instanceof DiscordAPIError) {
    return error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
  }
  // No answer at all: the response exists only if the acknowledgement landed.
  try {
    await interaction.webhook.fetchMessage('@original');
    return true;
  } catch {
    return false;
  }
}
