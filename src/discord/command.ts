import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Answer } from '../answer/answer.js';
import type { AskOptions } from '../answer/ask-service.js';
import type { PreviousTurn } from '../answer/follow-up.js';
import type { Briefing } from '../briefing/briefing.js';
import type { IngestOutcome } from '../ingest/ingest-service.js';
import type { Logger } from '../logger.js';
import type { ArticleSubmission, SourcesPage } from '../newsdesk.js';
import type { StoredArticle, StoredPassage } from '../store/article-store.js';
import type { StoredFeed } from '../store/feed-store.js';
import type { GuildSettings } from '../store/guild-settings.js';

/** The core services the commands call: the Newsdesk facade in the bot, fakes in unit tests. */
export interface BotServices {
  ask(guildId: string, question: string, options?: AskOptions): Promise<Answer>;
  /** `onProgress` hears, during a file of many articles, how many are stored so far. */
  addArticles(
    guildId: string,
    submission: ArticleSubmission,
    options?: { onProgress?: (done: number, total: number) => void },
  ): Promise<IngestOutcome[]>;
  listSources(guildId: string, options?: { query?: string | undefined; page?: number; pageSize?: number }): SourcesPage;
  removeArticle(guildId: string, idOrUrl: string): StoredArticle;
  /** Turns of conversations, for follow-up questions asked from an answer's button. */
  readonly conversations: {
    /** Remember a question and its answer's articles; returns the turn's id. */
    record(guildId: string, question: string, answer: Answer, follows?: { id: number; turn: PreviousTurn }): number;
    get(guildId: string, id: number): PreviousTurn | undefined;
    /** A newsdesk thread continues from this turn. */
    continueInThread(guildId: string, threadId: string, turnId: number): void;
    /** The last turn of a newsdesk thread; undefined for any other channel. */
    threadTurnId(guildId: string, threadId: string): number | undefined;
  };
  /** The guild's passages of these ids that are still stored (an answer's "Show passages"). */
  passages(guildId: string, ids: readonly number[]): StoredPassage[];
  briefing(guildId: string, period: { hours?: number | undefined; topic?: string | undefined }): Promise<Briefing>;
  readonly feeds: {
    add(guildId: string, url: string): Promise<{ feed: StoredFeed; items: number }>;
    remove(guildId: string, idOrUrl: string): StoredFeed;
    list(guildId: string): StoredFeed[];
  };
  readonly settings: {
    get(guildId: string): GuildSettings;
    update(guildId: string, change: Partial<GuildSettings>): GuildSettings;
  };
}

/** A file a member attached to a command. */
export interface AttachedFile {
  name: string;
  url: string;
  size: number;
}

/** What the router hands each command, besides the interaction. */
export interface CommandContext {
  services: BotServices;
  guildId: string;
  settings: GuildSettings;
  /** Whether the member counts as a moderator here (Manage Server, or the configured role). */
  isModerator: boolean;
  /** Whether the member has Manage Server (needed to change who moderates). */
  canManageServer: boolean;
  downloadAttachment(file: AttachedFile): Promise<Uint8Array>;
  log: Logger;
}

/** A slash command module: `export default { data, execute } satisfies Command`. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** The router refuses non-moderators before `execute` runs. */
  moderatorsOnly?: boolean;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}

/**
 * A message command (in a message's Apps menu), in `commands/menus/`: `export default { data,
 * execute } satisfies MessageCommand`, its file named after it ("Ask newsdesk" in ask-newsdesk.ts).
 */
export interface MessageCommand {
  data: { name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  moderatorsOnly?: boolean;
  execute(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<void>;
}
