import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_CHARS, validateQuestion } from '../src/answer/ask-service.js';
import type { Command } from '../src/discord/command.js';
import { renderAnswer } from '../src/discord/render.js';
import { sendMessages } from '../src/discord/reply.js';

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask about the news added to this server; the answer cites its sources.')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question, e.g. "What did the central bank decide on rates?"')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARS),
    ),

  async execute(interaction, { services, guildId }) {
    // Checked before deferring, so a bad question gets a private message rather than a public "thinking…".
    const question = validateQuestion(interaction.options.getString('question', true));
    await interaction.deferReply();
    const answer = await services.ask(guildId, question);
    await sendMessages(interaction, renderAnswer(question, answer));
  },
} satisfies Command;
