import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderRecentArticles } from '../src/discord/render.js';
import { sendMessages } from '../src/discord/reply.js';
import { MAX_RECENT_HOURS } from '../src/newsdesk.js';

export default {
  data: new SlashCommandBuilder()
    .setName('briefing')
    .setDescription('What the articles here report from the last hours.')
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((option) =>
      option
        .setName('hours')
        .setDescription('How far back to look (default 24)')
        .setMinValue(1)
        .setMaxValue(MAX_RECENT_HOURS),
    ),

  async execute(interaction, { services, guildId }) {
    const recent = services.recentArticles(guildId, interaction.options.getInteger('hours') ?? 24);
    await sendMessages(interaction, renderRecentArticles(recent));
  },
} satisfies Command;
