import type { PreviousTurn } from '../answer/follow-up.js';
import type { SqliteDatabase } from './sqlite.js';

/** How long a conversation's turns are kept for follow-ups, by default. */
export const DEFAULT_CONVERSATION_HOURS = 24;

/**
 * The turns of conversations (a question and the articles its answer cited), so that a follow-up
 * asked from a button, hours later or after a restart, is read with the turn it follows.
 */
export class ConversationStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly keepHours = DEFAULT_CONVERSATION_HOURS,
  ) {}

  /** Remember a turn; returns its id (what a follow-up button carries). Old turns are dropped on the way. */
  record(guildId: string, turn: PreviousTurn, followsId: number | undefined, now = new Date()): number {
    this.db.prepare('DELETE FROM conversation_turns WHERE created_at < ?').run(this.cutoff(now));
    const result = this.db
      .prepare(
        'INSERT INTO conversation_turns (guild_id, question, article_ids, follows_id, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(guildId, turn.question, JSON.stringify(turn.articleIds), followsId ?? null, now.toISOString());
    return Number(result.lastInsertRowid);
  }

  /** The guild's turn of this id, unless it is older than the conversations are kept. */
  get(guildId: string, id: number, now = new Date()): PreviousTurn | undefined {
    const row = this.db
      .prepare('SELECT question, article_ids FROM conversation_turns WHERE id = ? AND guild_id = ? AND created_at >= ?')
      .get(id, guildId, this.cutoff(now)) as { question: string; article_ids: string } | undefined;
    if (!row) return undefined;
    const articleIds = JSON.parse(row.article_ids) as unknown;
    return {
      question: row.question,
      articleIds: Array.isArray(articleIds) ? articleIds.filter((value) => typeof value === 'string') : [],
    };
  }

  /** Make a thread's conversation continue from this turn (its first answer, then each follow-up in it). */
  continueInThread(guildId: string, threadId: string, turnId: number, now = new Date()): void {
    this.db
      .prepare(
        `INSERT INTO conversation_threads (thread_id, guild_id, turn_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (thread_id) DO UPDATE SET turn_id = excluded.turn_id, updated_at = excluded.updated_at
         WHERE conversation_threads.guild_id = excluded.guild_id`,
      )
      .run(threadId, guildId, turnId, now.toISOString());
  }

  /** The id of a thread's last turn, when the thread is the guild's newsdesk thread (kept however old). */
  threadTurnId(guildId: string, threadId: string): number | undefined {
    const row = this.db
      .prepare('SELECT turn_id FROM conversation_threads WHERE thread_id = ? AND guild_id = ?')
      .get(threadId, guildId) as { turn_id: number } | undefined;
    return row?.turn_id;
  }

  private cutoff(now: Date): string {
    return new Date(now.getTime() - this.keepHours * 3_600_000).toISOString();
  }
}
