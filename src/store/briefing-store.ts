import { z } from 'zod';
import type { RememberedStory } from '../briefing/briefing.js';
import type { SqliteDatabase } from './database.js';

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

  /** The guild's latest scheduled briefing, if any. */
  latest(guildId: string): StoredBriefing | undefined {
    const row = this.db
      .prepare('SELECT * FROM briefings WHERE guild_id = ? ORDER BY period_end DESC, id DESC LIMIT 1')
      .get(guildId) as BriefingRow | undefined;
    return row ? toBriefing(row) : undefined;
  }

  /** Whether the guild already had its briefing for this local date. */
  has(guildId: string, localDate: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM briefings WHERE guild_id = ? AND local_date = ?').get(guildId, localDate) !==
      undefined
    );
  }

  /** Record a posted briefing; false when one was already recorded for that guild and date. */
  record(briefing: StoredBriefing): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO briefings (guild_id, local_date, period_start, period_end, posted_at, late, stories)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        briefing.guildId,
        briefing.localDate,
        briefing.periodStart,
        briefing.periodEnd,
        briefing.postedAt,
        briefing.late ? 1 : 0,
        JSON.stringify(briefing.stories),
      );
    return result.changes === 1;
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
