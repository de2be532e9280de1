import type { Client } from 'discord.js';
import type { BriefingPublisher } from '../briefing/scheduler.js';
import { NotFoundError } from '../errors.js';
import { renderBriefing } from './render-briefing.js';

/** Post briefings with the bot's client, to a text channel of the guild the briefing is for. */
export function createBriefingPublisher(client: Client): BriefingPublisher {
  return async (guildId, channelId, briefing) => {
    const channel = await client.channels.fetch(channelId);
    if (!channel || !('guildId' in channel) || channel.guildId !== guildId || !channel.isSendable()) {
      throw new NotFoundError('briefing-channel', `The briefing channel ${channelId} is gone or not a text channel.`);
    }
    for (const message of renderBriefing(briefing)) {
      await channel.send({ content: message.content ?? '', embeds: message.embeds });
    }
  };
}
