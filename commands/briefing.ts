import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { deferReply } from '../src/discord/acknowledge.js';
import type { Command } from '../src/discord/command.js';
import { renderBriefing } from '../src/discord/render-briefing.js';
import { sendMessages } from '../src/discord/reply.js';
import { MAX_BRIEFING_HOURS, MAX_TOPIC_CHARS } from '../src/newsdesk.js';

export default {
  data: new SlashCommandBuilder()
    .setName('briefing')
    .setDescription('The stories of the last hours, grouped, with their sources.')
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((option) =>
      option
        .setName('hours')
        .setDescription('How far back to look (default 24, or 168 with a topic)')
        .setMinValue(1)
        .setMaxValue(MAX_BRIEFING_HOURS),
    )
    .addStringOption((option) =>
      option
        .setName('topic')
        .setDescription('Catch up on one subject only, e.g. "ferry strike"')
        .setMaxLength(MAX_TOPIC_CHARS),
    ),

  async execute(interaction, { services, guildId }) {
    await deferReply(interaction);
    const briefing = await services.briefing(guildId, {
      hours: interaction.options.getInteger('hours') ?? undefined,
      topic: interaction.options.getString('topic') ?? undefined,
    });
    await sendMessages(interaction, renderBriefing(briefing));
  },
} satisfies Command;
