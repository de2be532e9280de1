import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { validateQuestion } from '../../src/answer/ask-service.js';
import { deferReply } from '../../src/discord/acknowledge.js';
import type { MessageCommand } from '../../src/discord/command.js';
import { renderAnswer } from '../../src/discord/render.js';
import { sendMessages } from '../../src/discord/reply.js';
import { DISCORD_TEXTS } from '../../src/discord/texts.js';
import { InvalidInputError } from '../../src/errors.js';

/** A message's Apps menu: its text asked as a question, answered only to whoever asked. */
export default {
  data: new ContextMenuCommandBuilder()
    .setName('Ask newsdesk')
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild),

  async execute(interaction, { services, guildId, settings }) {
    const text = interaction.targetMessage.content.trim();
    if (text === '') throw new InvalidInputError('message-without-text', DISCORD_TEXTS.messageWithoutText);
    const question = validateQuestion(text);
    await deferReply(interaction, { ephemeral: true });
    const answer = await services.ask(guildId, question, { timeZone: settings.timeZone });
    const turnId = services.conversations.record(guildId, question, answer);
    await sendMessages(interaction, renderAnswer(question, answer, turnId), { ephemeral: true });
  },
} satisfies MessageCommand;
