import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js';
import { deferReply } from '../../src/discord/acknowledge.js';
import type { MessageCommand } from '../../src/discord/command.js';
import { linksIn } from '../../src/discord/message-links.js';
import { renderIngestOutcomes } from '../../src/discord/render.js';
import { sendMessages } from '../../src/discord/reply.js';
import { DISCORD_TEXTS } from '../../src/discord/texts.js';
import { InvalidInputError, UserError } from '../../src/errors.js';
import type { IngestOutcome } from '../../src/ingest/ingest-service.js';

/**
 * A message's Apps menu (moderators): its links added as articles, each through the same address
 * guard as `/add url:`; a message without links is added as an article itself, with its author and time.
 */
export default {
  data: new ContextMenuCommandBuilder()
    .setName('Add to newsdesk')
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  moderatorsOnly: true,

  async execute(interaction, { services, guildId }) {
    const message = interaction.targetMessage;
    const text = message.content.trim();
    if (text === '') throw new InvalidInputError('message-without-article', DISCORD_TEXTS.messageWithoutArticle);
    await deferReply(interaction, { ephemeral: true });
    const links = linksIn(text);
    const outcomes: IngestOutcome[] = [];
    // One link that cannot be added (a blocked address, a page that is gone) does not stop the others.
    for (const url of links) {
      try {
        outcomes.push(...(await services.addArticles(guildId, { url })));
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        outcomes.push({ origin: url, status: 'failed', error });
      }
    }
    if (links.length === 0)
      outcomes.push(
        ...(await services.addArticles(guildId, {
          text,
          author: message.member?.displayName ?? message.author.displayName,
          source: 'Discord',
          publishedAt: message.createdAt.toISOString(),
        })),
      );
    await sendMessages(interaction, renderIngestOutcomes(outcomes), { ephemeral: true });
  },
} satisfies MessageCommand;
