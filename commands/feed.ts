import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { deferReply } from '../src/discord/acknowledge.js';
import type { Command } from '../src/discord/command.js';
import { renderFeedAdded, renderFeedRemoved, renderFeeds } from '../src/discord/render.js';
import { sendMessages } from '../src/discord/reply.js';

export default {
  data: new SlashCommandBuilder()
    .setName('feed')
    .setDescription('Follow RSS or Atom feeds: their new items are added automatically (moderators).')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sub) =>
      sub
        .setName('add')
        .setDescription('Follow a feed')
        .addStringOption((option) =>
          option.setName('url').setDescription('The feed link').setRequired(true).setMaxLength(2000),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('remove')
        .setDescription('Stop following a feed')
        .addStringOption((option) =>
          option.setName('feed').setDescription('Its number from /feed list, or its link').setRequired(true),
        ),
    )
    .addSubcommand((sub) => sub.setName('list').setDescription('The feeds this server follows')),
  moderatorsOnly: true,

  async execute(interaction, { services, guildId }) {
    switch (interaction.options.getSubcommand()) {
      case 'add': {
        await deferReply(interaction, { ephemeral: true });
        const { feed, items } = await services.feeds.add(guildId, interaction.options.getString('url', true));
        return sendMessages(interaction, renderFeedAdded(feed, items), { ephemeral: true });
      }
      case 'remove': {
        const feed = services.feeds.remove(guildId, interaction.options.getString('feed', true));
        return sendMessages(interaction, renderFeedRemoved(feed), { ephemeral: true });
      }
      default:
        return sendMessages(interaction, renderFeeds(services.feeds.list(guildId)), { ephemeral: true });
    }
  },
} satisfies Command;
