import { z } from 'zod';
import type { Briefing, RememberedStory } from '../briefing/briefing.js';
import type { SqliteDatabase } from './sqlite.js';

/** A scheduled briefing as stored. */
export interface StoredBriefing {
  guildId: string;
  /** The server's local date it was for, "YYYY-MM-DD": at most one per guild and date. */
  localDate: string;
  periodStart: string;
  periodEnd: string;
  postedAt: string;
  late: boolean;
  stories: RememberedStory[];
}

const rememberedSchema = z.array(
  z.object({
    headline: z.string(),
    articleIds: z.array(z.string()),
    terms: z.array(z.tuple([z.string(), z.number()])),
    sentences: z.array(z.string()),
  }),
);

/** A scheduled briefing claimed for posting and not yet finished: what a retry or a restart resumes. */
export interface UnfinishedBriefing {
  briefing: Briefing;
  /** Messages of it already delivered, in order; the resume starts after them. */
  deliveredParts: number;
}

// Only the shape a resume relies on is checked; the content was written by this code.
const contentSchema = z
  .object({ since: z.string(), until: z.string(), stories: z.array(z.unknown()), sources: z.array(z.unknown()) })
  .loose();

interface BriefingRow {
  guild_id: string;
  local_date: string;
  period_start: string;
  period_end: string;
  posted_at: string;
  late: number;
  stories: string;
}

/** The scheduled briefings each guild has been sent. */
export class BriefingStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** The guild's latest scheduled briefing that reached its channel, wholly or in part. */
  latest(guildId: string): StoredBriefing | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM briefings WHERE guild_id = ? AND (finished = 1 OR delivered_parts > 0)
         ORDER BY period_end DESC, id DESC LIMIT 1`,
      )
      .get(guildId) as BriefingRow | undefined;
    return row ? toBriefing(row) : undefined;
  }

  /** Whether the guild's briefing for this local date was posted or claimed. */
  has(guildId: string, localDate: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM briefings WHERE guild_id = ? AND local_date = ?').get(guildId, localDate) !==
      undefined
    );
  }

  /**
   * Claim a guild's briefing for a local date before its first message goes out, keeping the
   * composed briefing so an interrupted post can be finished; false when that date was already claimed.
   */
  claim(record: StoredBriefing, briefing: Briefing): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO briefings
           (guild_id, local_date, period_start, period_end, posted_at, late, stories, content, delivered_parts, finished)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`,
      )
      .run(
        record.guildId,
        record.localDate,
        record.periodStart,
        record.periodEnd,
        record.postedAt,
        record.late ? 1 : 0,
        JSON.stringify(record.stories),
        JSON.stringify(briefing),
      );
    return result.changes === 1;
  }

  /** The claimed, unfinished briefing of a guild and local date, if there is one to resume. */
  unfinished(guildId: string, localDate: string): UnfinishedBriefing | undefined {
    const row = this.db
      .prepare('SELECT content, delivered_parts FROM briefings WHERE guild_id = ? AND local_date = ? AND finished = 0')
      .get(guildId, localDate) as { content: string | null; delivered_parts: number } | undefined;
    if (!row?.content) return undefined;
    try {
      const briefing = contentSchema.parse(JSON.parse(row.content)) as unknown as Briefing;
      return { briefing, deliveredParts: row.delivered_parts };
    } catch {
      // Damaged content cannot be resumed; the claim still keeps the date from being posted twice.
      return undefined;
    }
  }

  /** Count the first `parts` messages of a claimed briefing as delivered. */
  markDelivered(guildId: string, localDate: string, parts: number): void {
    this.db
      .prepare('UPDATE briefings SET delivered_parts = max(delivered_parts, ?) WHERE guild_id = ? AND local_date = ?')
      .run(parts, guildId, localDate);
  }

  /** Mark a claimed briefing as posted whole; its content is no longer needed. */
  finish(guildId: string, localDate: string, postedAt: string): void {
    this.db
      .prepare('UPDATE briefings SET finished = 1, content = NULL, posted_at = ? WHERE guild_id = ? AND local_date = ?')
      .run(postedAt, guildId, localDate);
  }
}

function toBriefing(row: BriefingRow): StoredBriefing {
  let stories: RememberedStory[] = [];
  try {
    stories = rememberedSchema.parse(JSON.parse(row.stories));
  } catch {
    // A damaged record only costs the New/Update tags of the next briefing.
  }
  return {
    guildId: row.guild_id,
    localDate: row.local_date,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    postedAt: row.posted_at,
    late: row.late === 1,
    stories,
  };
}
