import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderSources } from '../src/discord/render.js';
import { sendMessages } from '../src/discord/reply.js';

export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('List the articles added to this server, newest first.')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((option) =>
      option.setName('query').setDescription('Words in the titles, outlets or text of the articles').setMaxLength(100),
    )
    .addIntegerOption((option) => option.setName('page').setDescription('Page number').setMinValue(1)),

  async execute(interaction, { services, guildId }) {
    const query = interaction.options.getString('query')?.trim() || undefined;
    const page = services.listSources(guildId, { query, page: interaction.options.getInteger('page') ?? 1 });
    await sendMessages(interaction, renderSources(page, query), { ephemeral: true });
  },
} satisfies Command;
