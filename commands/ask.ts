import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_CHARS, validateQuestion } from '../src/answer/ask-service.js';
import { deferReply } from '../src/discord/acknowledge.js';
import type { Command } from '../src/discord/command.js';
import { DraftReply } from '../src/discord/draft-reply.js';
import { renderAnswer, renderDraft } from '../src/discord/render.js';
import { sendMessages } from '../src/discord/reply.js';
import { startConversationThread } from '../src/discord/thread-follow-ups.js';

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
    )
    .addBooleanOption((option) =>
      option.setName('thread').setDescription('Start a thread on the answer: mention me there to follow up'),
    ),

  async execute(interaction, { services, guildId, settings, log }) {
    // Checked before deferring, so a bad question gets a private message rather than a public "thinking…".
    const question = validateQuestion(interaction.options.getString('question', true));
    await deferReply(interaction);
    // A configured model's draft is shown while it streams; the checked answer replaces it.
    const draft = new DraftReply((text) => interaction.editReply(renderDraft(question, text)), log);
    let answer: Awaited<ReturnType<typeof services.ask>>;
    try {
      answer = await services.ask(guildId, question, {
        onDraft: (text) => draft.update(text),
        // "Yesterday" is the server's yesterday.
        timeZone: settings.timeZone,
      });
    } finally {
      await draft.stop();
    }
    // The answer is a conversation's first turn: its follow-up button carries the turn's id.
    const turnId = services.conversations.record(guildId, question, answer);
    await sendMessages(interaction, renderAnswer(question, answer, turnId));
    if (interaction.options.getBoolean('thread') ?? settings.askInThreads) {
      await startConversationThread(interaction, question, turnId, { services, guildId, log });
    }
  },
} satisfies Command;
