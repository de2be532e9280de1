import type { SqliteDatabase } from './sqlite.js';

/** A feed a guild follows. */
export interface StoredFeed {
  id: number;
  guildId: string;
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  addedAt: string;
  lastPolledAt: string | null;
  nextPollAt: string;
  failures: number;
  lastError: string | null;
}

interface FeedRow {
  id: number;
  guild_id: string;
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  added_at: string;
  last_polled_at: string | null;
  next_poll_at: string;
  failures: number;
  last_error: string | null;
}

function toFeed(row: FeedRow): StoredFeed {
  return {
    id: row.id,
    guildId: row.guild_id,
    url: row.url,
    title: row.title,
    etag: row.etag,
    lastModified: row.last_modified,
    addedAt: row.added_at,
    lastPolledAt: row.last_polled_at,
    nextPollAt: row.next_poll_at,
    failures: row.failures,
    lastError: row.last_error,
  };
}

/** Feeds per guild and the items each has shown. */
export class FeedStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** Follow a feed; its current items are marked seen in the same transaction, so the first poll does not flood. */
  add(
    guildId: string,
    url: string,
    title: string | null,
    itemKeys: readonly string[],
    now: Date,
    nextPollAt: Date,
  ): StoredFeed {
    return this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO feeds (guild_id, url, title, added_at, next_poll_at) VALUES (?, ?, ?, ?, ?)')
        .run(guildId, url, title, now.toISOString(), nextPollAt.toISOString());
      const id = Number(lastInsertRowid);
      this.markSeen(id, itemKeys, now);
      return this.get(guildId, id) as StoredFeed;
    })();
  }

  get(guildId: string, id: number): StoredFeed | undefined {
    const row = this.db.prepare('SELECT * FROM feeds WHERE guild_id = ? AND id = ?').get(guildId, id) as
      | FeedRow
      | undefined;
    return row ? toFeed(row) : undefined;
  }

  findByUrl(guildId: string, url: string): StoredFeed | undefined {
    const row = this.db.prepare('SELECT * FROM feeds WHERE guild_id = ? AND url = ?').get(guildId, url) as
      | FeedRow
      | undefined;
    return row ? toFeed(row) : undefined;
  }

  list(guildId: string): StoredFeed[] {
    return (this.db.prepare('SELECT * FROM feeds WHERE guild_id = ? ORDER BY id').all(guildId) as FeedRow[]).map(
      toFeed,
    );
  }

  /** Feeds of every guild whose next poll is due. */
  due(now: Date): StoredFeed[] {
    return (
      this.db
        .prepare('SELECT * FROM feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, id')
        .all(now.toISOString()) as FeedRow[]
    ).map(toFeed);
  }

  remove(guildId: string, id: number): boolean {
    return this.db.prepare('DELETE FROM feeds WHERE guild_id = ? AND id = ?').run(guildId, id).changes === 1;
  }

  /** The keys among `keys` this feed has not shown before. */
  unseen(feedId: number, keys: readonly string[]): string[] {
    const statement = this.db.prepare('SELECT 1 FROM feed_items WHERE feed_id = ? AND item_key = ?');
    return keys.filter((key) => statement.get(feedId, key) === undefined);
  }

  markSeen(feedId: number, keys: readonly string[], now: Date): void {
    const statement = this.db.prepare('INSERT OR IGNORE INTO feed_items (feed_id, item_key, seen_at) VALUES (?, ?, ?)');
    for (const key of keys) statement.run(feedId, key, now.toISOString());
  }

  /** Record a poll: validators, when to poll next, and the error count (0 after a success). */
  recordPoll(
    feedId: number,
    result: {
      polledAt: Date;
      nextPollAt: Date;
      failures: number;
      error: string | null;
      etag?: string | null | undefined;
      lastModified?: string | null | undefined;
      title?: string | null | undefined;
    },
  ): void {
    this.db
      .prepare(
        `UPDATE feeds SET last_polled_at = ?, next_poll_at = ?, failures = ?, last_error = ?,
           etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), title = coalesce(?, title)
         WHERE id = ?`,
      )
      .run(
        result.polledAt.toISOString(),
        result.nextPollAt.toISOString(),
        result.failures,
        result.error,
        result.etag ?? null,
        result.lastModified ?? null,
        result.title ?? null,
        feedId,
      );
  }
}
