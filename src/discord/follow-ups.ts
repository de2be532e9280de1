import { type ButtonInteraction, ComponentType, type ModalSubmitInteraction, TextInputStyle } from 'discord.js';
import type { Answer } from '../answer/answer.js';
import { MAX_QUESTION_CHARS, validateQuestion } from '../answer/ask-service.js';
import { DEFAULT_CONVERSATION_HOURS } from '../store/conversation-store.js';
import { deferReply } from './acknowledge.js';
import { followUpCustomId } from './answer-buttons.js';
import type { BotServices, CommandContext } from './command.js';
import { renderAnswer } from './render.js';
import { sendMessages } from './reply.js';
import { DISCORD_TEXTS } from './texts.js';

/** The text field of the follow-up modal. */
const QUESTION_FIELD = 'question';

/**
 * "Ask a follow-up": a modal with one text field. It carries the turn it follows in its custom id,
 * so the press needs no lookup and is answered at once (within Discord's 3 seconds).
 */
export async function showFollowUpModal(interaction: ButtonInteraction, turnId: number): Promise<void> {
  await interaction.showModal({
    custom_id: followUpCustomId(turnId),
    title: DISCORD_TEXTS.followUpModalTitle,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: QUESTION_FIELD,
            label: DISCORD_TEXTS.followUpLabel,
            placeholder: DISCORD_TEXTS.followUpPlaceholder,
            style: TextInputStyle.Short,
            max_length: MAX_QUESTION_CHARS,
            required: true,
          },
        ],
      },
    ],
  });
}

/**
 * A submitted follow-up: answered in the channel like /ask, read with the turn it follows (a turn
 * kept longer ago than conversations are kept is answered as a new question, and says so), and
 * stored as the conversation's next turn.
 */
export async function answerFollowUp(
  interaction: ModalSubmitInteraction,
  turnId: number,
  { services, guildId, settings }: CommandContext,
): Promise<void> {
  const question = validateQuestion(interaction.fields.getTextInputValue(QUESTION_FIELD));
  await deferReply(interaction);
  const { answer, continued, nextTurn } = await askAfterTurn(services, guildId, question, turnId, settings.timeZone);
  const messages = renderAnswer(question, answer, nextTurn);
  const [first] = messages;
  if (!continued && first) first.content = DISCORD_TEXTS.conversationExpired(DEFAULT_CONVERSATION_HOURS);
  await sendMessages(interaction, messages);
}

/**
 * Answer a follow-up read with the turn it follows, and store it as that conversation's next turn
 * (a turn kept longer ago than conversations are kept starts a new one: `continued` is false).
 */
export async function askAfterTurn(
  services: BotServices,
  guildId: string,
  question: string,
  turnId: number,
  timeZone: string,
): Promise<{ answer: Answer; continued: boolean; nextTurn: number }> {
  const previous = services.conversations.get(guildId, turnId);
  const answer = await services.ask(guildId, question, { previous, timeZone });
  const nextTurn = services.conversations.record(
    guildId,
    question,
    answer,
    previous ? { id: turnId, turn: previous } : undefined,
  );
  return { answer, continued: previous !== undefined, nextTurn };
}
