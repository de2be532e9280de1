import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { fitTitle } from '../src/discord/limits.js';
import { renderRemoved } from '../src/discord/render.js';
import { sendMessages } from '../src/discord/reply.js';

/** Discord shows at most 25 autocomplete choices, each name at most 100 characters. */
const MAX_CHOICES = 25;

export default {
  data: new SlashCommandBuilder()
    .setName('remove')
    .setDescription('Remove an article from this server (moderators).')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addStringOption((option) =>
      option
        .setName('article')
        .setDescription('Start typing its title; or give its id or URL')
        .setRequired(true)
        .setAutocomplete(true),
    ),
  moderatorsOnly: true,

  async execute(interaction, { services, guildId }) {
    const removed = services.removeArticle(guildId, interaction.options.getString('article', true));
    await sendMessages(interaction, renderRemoved(removed), { ephemeral: true });
  },

  async autocomplete(interaction, { services, guildId, isModerator }) {
    if (!isModerator) return interaction.respond([]);
    const typed = interaction.options.getFocused();
    const { articles } = services.listSources(guildId, { query: typed, pageSize: MAX_CHOICES });
    await interaction.respond(
      articles.map((article) => ({
        name: fitTitle(article.source ? `${article.title} · ${article.source}` : article.title, 100),
        value: article.id,
      })),
    );
  },
} satisfies Command;
