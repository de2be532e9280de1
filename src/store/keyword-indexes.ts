import { componentLogger } from '../logger.js';
import { catchUpIndex, OtherWritersWatch, storedSignature } from './catch-up.js';
import type { SqliteDatabase } from './database.js';
import { guildFile } from './guild-files.js';
import { KeywordIndex } from './keyword-index.js';
import { readKeywordIndex, writeKeywordIndex } from './keyword-index-file.js';
import type { SearchableText } from './search-types.js';

const log = componentLogger('store');

/**
 * Each guild's keyword index, loaded from `keywords/` under the data folder on first use. Like the
 * vector indexes it is a cache of the database: a file written for other passages (a crash between
 * a save and its flush, a copied folder) or unreadable is rebuilt from the stored passages. Another
 * process writing the same database (`npm run ingest` while the bot runs) is caught up with.
 */
export class GuildKeywordIndexes {
  private readonly loaded = new Map<string, KeywordIndex>();
  private readonly unsaved = new Set<string>();
  private readonly otherWriters: OtherWritersWatch;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly dataDir: string,
  ) {
    this.otherWriters = new OtherWritersWatch(db);
  }

  /** The guild's index, read from disk or rebuilt from the database the first time. */
  of(guildId: string): KeywordIndex {
    this.catchUpWithOtherWriters();
    let index = this.loaded.get(guildId);
    if (!index) {
      index = this.loadOrRebuild(guildId);
      this.loaded.set(guildId, index);
    }
    return index;
  }

  /** Index a guild's new passages. */
  add(guildId: string, passages: readonly { id: number; searchable: SearchableText }[]): void {
    const index = this.of(guildId);
    for (const { id, searchable } of passages) index.add(id, searchable);
    this.unsaved.add(guildId);
  }

  /** Drop passages of the guild from its index. */
  remove(guildId: string, passageIds: readonly number[]): void {
    if (passageIds.length === 0) return;
    this.of(guildId).remove(passageIds);
    this.unsaved.add(guildId);
  }

  /** Write every changed index to disk, each labelled with the passages it holds. */
  flush(): void {
    for (const guildId of this.unsaved) {
      const index = this.loaded.get(guildId);
      // Labelled with what it holds, not with what the database holds now: another process may have
      // added passages this index has not seen, and the next start must then rebuild it.
      if (index) writeKeywordIndex(this.file(guildId), index, index.signature());
    }
    this.unsaved.clear();
  }

  private loadOrRebuild(guildId: string): KeywordIndex {
    const file = this.file(guildId);
    try {
      const read = readKeywordIndex(file, storedSignature(this.db, guildId));
      if (read) return read;
    } catch (error) {
      log.warn({ guildId, err: error }, 'keyword index file unreadable; rebuilding from the database');
    }
    const started = performance.now();
    const index = new KeywordIndex();
    this.addStored(guildId, index, 0);
    if (index.size > 0) {
      log.info({ guildId, passages: index.size, ms: Math.round(performance.now() - started) }, 'keyword index rebuilt');
      this.unsaved.add(guildId);
    }
    return index;
  }

  /**
   * When another connection has committed, each loaded index that no longer matches the database
   * takes the passages added since (ids only grow) and drops those gone.
   */
  private catchUpWithOtherWriters(): void {
    if (!this.otherWriters.committedElsewhere()) return;
    for (const [guildId, index] of this.loaded) {
      const caughtUp = catchUpIndex(
        index,
        storedSignature(this.db, guildId),
        (largest) => this.addStored(guildId, index, largest),
        () => this.db.prepare('SELECT id FROM passages WHERE guild_id = ?').pluck().all(guildId) as number[],
        (ids) => index.remove(ids),
      );
      if (!caughtUp) continue;
      log.info({ guildId, passages: index.size }, 'keyword index caught up with another process');
      this.unsaved.add(guildId);
    }
  }

  /** Index the guild's stored passages with ids above `afterId`. */
  private addStored(guildId: string, index: KeywordIndex, afterId: number): void {
    const rows = this.db
      .prepare(
        `SELECT p.id, a.title, a.source, p.text, a.published_at AS publishedAt
         FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.guild_id = ? AND p.id > ? ORDER BY p.id`,
      )
      .iterate(guildId, afterId) as Iterable<{ id: number } & SearchableText>;
    for (const { id, ...searchable } of rows) index.add(id, searchable);
  }

  private file(guildId: string): string {
    return guildFile(this.dataDir, 'keywords', guildId, 'bin');
  }
}
