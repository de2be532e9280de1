import { createHash } from 'node:crypto';
import type { Client } from 'discord.js';
import type { BriefingPublisher } from '../briefing/scheduler.js';
import { NotFoundError } from '../errors.js';
import { renderBriefing } from './render-briefing.js';

/** Discord accepts nonces of at most 25 characters. */
const NONCE_LENGTH = 25;

/**
 * The nonce of one message of one delivery. With `enforceNonce`, Discord answers a repeated nonce
 * from the same bot (within a few minutes) with the message it already created, which covers a
 * crash between a message going out and its being counted.
 */
export function deliveryNonce(deliveryKey: string, part: number): string {
  return createHash('sha256').update(`${deliveryKey}#${part}`).digest('base64url').slice(0, NONCE_LENGTH);
}

/**
 * Post briefings with the bot's client, to a text channel of the guild the briefing is for,
 * skipping the messages an earlier attempt delivered and counting each one sent.
 */
export function createBriefingPublisher(client: Client): BriefingPublisher {
  return async (guildId, channelId, briefing, progress) => {
    const channel = await client.channels.fetch(channelId);
    if (!channel || !('guildId' in channel) || channel.guildId !== guildId || !channel.isSendable()) {
      throw new NotFoundError('briefing-channel', `The briefing channel ${channelId} is gone or not a text channel.`);
    }
    const messages = renderBriefing(briefing);
    for (let part = progress.delivered; part < messages.length; part += 1) {
      const message = messages[part];
      if (!message) continue;
      await channel.send({
        content: message.content ?? '',
        embeds: message.embeds,
        nonce: deliveryNonce(progress.key, part),
        enforceNonce: true,
      });
      progress.markDelivered(part + 1);
    }
  };
}
