import { type ChatInputCommandInteraction, type Message, MessageFlags, ThreadAutoArchiveDuration } from 'discord.js';
import { validateQuestion } from '../answer/ask-service.js';
import { isUserError, ShuttingDownError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BotServices } from './command.js';
import { askAfterTurn } from './follow-ups.js';
import type { CommandRateLimits } from './rate-limits.js';
import { renderAnswer } from './render.js';
import { DISCORD_TEXTS } from './texts.js';

/** Longest thread name Discord accepts. */
export const MAX_THREAD_NAME = 100;

/** A thread's name from the question it was started on, cut between words to Discord's limit. */
export function threadNameOf(question: string): string {
  const flat = question.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_THREAD_NAME) return flat;
  const cut = flat.slice(0, MAX_THREAD_NAME - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_THREAD_NAME / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Start a thread on an answer, named from its question, and make it the conversation's home: a
 * member who mentions the bot there asks a follow-up. A channel where the bot may not start
 * threads gets a private note; the answer itself stands.
 */
export async function startConversationThread(
  interaction: ChatInputCommandInteraction,
  question: string,
  turnId: number,
  { services, guildId, log }: { services: BotServices; guildId: string; log: Logger },
): Promise<void> {
  try {
    const reply = await interaction.fetchReply();
    const thread = await reply.startThread({
      name: threadNameOf(question),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
    services.conversations.continueInThread(guildId, thread.id, turnId);
  } catch (error) {
    log.warn({ guild: guildId, err: error }, 'could not start a thread on the answer');
    await interaction
      .followUp({ content: DISCORD_TEXTS.threadNotStarted, flags: MessageFlags.Ephemeral })
      .catch(() => undefined);
  }
}

export interface ThreadFollowUpOptions {
  services: BotServices;
  log: Logger;
  /** With the Message Content intent, every message in a newsdesk thread is a follow-up, not only mentions. */
  readsEveryMessage: boolean;
  rateLimits?: CommandRateLimits;
  isStopping?: () => boolean;
}

/**
 * The question a message asks in one of the bot's own threads: it mentions the bot (or, with the
 * Message Content intent, any member's message there), the mention taken out. Undefined for a
 * message anywhere else, a bot's message, or a message that is not addressed to the bot.
 */
export function threadQuestionOf(message: Message, botId: string, readsEveryMessage: boolean): string | undefined {
  if (message.author.bot || message.system || !message.inGuild() || !message.channel.isThread()) return undefined;
  if (message.channel.ownerId !== botId) return undefined;
  if (!readsEveryMessage && !message.mentions.users.has(botId)) return undefined;
  return message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

/**
 * A member's message in a newsdesk thread is a follow-up to the thread's last turn: answered in
 * the thread, read with that turn, and stored as its next. Nothing thrown escapes: a member's
 * mistake gets its short message in the thread, anything else the generic one (and the log).
 */
export function createThreadFollowUpHandler(options: ThreadFollowUpOptions): (message: Message) => Promise<void> {
  const { services, log } = options;
  return async (message) => {
    const question = threadQuestionOf(message, message.client.user.id, options.readsEveryMessage);
    if (question === undefined || !message.inGuild()) return;
    const { guildId, channelId } = message;
    const turnId = services.conversations.threadTurnId(guildId, channelId);
    // A thread the bot started for something else (none today) is not a conversation.
    if (turnId === undefined) return;
    try {
      if (options.isStopping?.()) throw new ShuttingDownError();
      await options.rateLimits?.consume('ask', guildId, message.author.id);
      const asked = validateQuestion(question);
      const { timeZone } = services.settings.get(guildId);
      const { answer, nextTurn } = await askAfterTurn(services, guildId, asked, turnId, timeZone);
      services.conversations.continueInThread(guildId, channelId, nextTurn);
      const [first, ...rest] = renderAnswer(asked, answer, nextTurn);
      if (first) await message.reply(first);
      for (const more of rest) await message.channel.send(more);
      log.info({ guild: guildId, thread: channelId }, 'thread follow-up answered');
    } catch (error) {
      const userFacing = isUserError(error);
      if (userFacing) log.info({ guild: guildId, code: error.code }, 'refused: %s', error.message);
      else log.error({ guild: guildId, thread: channelId, err: error }, 'thread follow-up failed');
      await message
        .reply({ content: userFacing ? error.message : DISCORD_TEXTS.genericFailure })
        .catch((replyError: unknown) => log.warn({ err: replyError }, 'could not answer in the thread'));
    }
  };
}
