import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderBriefing } from '../src/discord/render-briefing.js';
import { sendMessages } from '../src/discord/reply.js';
import { MAX_BRIEFING_HOURS } from '../src/newsdesk.js';

export default {
  data: new SlashCommandBuilder()
    .setName('briefing')
    .setDescription('The stories of the last hours, grouped, with their sources.')
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((option) =>
      option
        .setName('hours')
        .setDescription('How far back to look (default 24)')
        .setMinValue(1)
        .setMaxValue(MAX_BRIEFING_HOURS),
    ),

  async execute(interaction, { services, guildId }) {
    await interaction.deferReply();
    const briefing = await services.briefing(guildId, { hours: interaction.options.getInteger('hours') ?? 24 });
    await sendMessages(interaction, renderBriefing(briefing));
  },
} satisfies Command;
