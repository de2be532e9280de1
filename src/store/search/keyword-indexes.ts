import type { SqliteDatabase } from '../sqlite.js';
import { storedSignature } from './catch-up.js';
import { guildFile } from './guild-files.js';
import { GuildIndexCache, type GuildIndexKind } from './guild-index-cache.js';
import { KeywordIndex } from './keyword-index.js';
import { readKeywordIndex, writeKeywordIndex } from './keyword-index-file.js';
import type { SearchableText } from './search-types.js';

/** Each guild's keyword index, under `keywords/` in the data folder: a cache of the stored passages. */
export function keywordIndexCache(db: SqliteDatabase, dataDir: string): GuildIndexCache<KeywordIndex> {
  const file = (guildId: string) => guildFile(dataDir, 'keywords', guildId, 'bin');
  const storedAfter = db.prepare(
    `SELECT p.id, a.title, a.source, p.text, a.published_at AS publishedAt
     FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.guild_id = ? AND p.id > ? ORDER BY p.id`,
  );
  const kind: GuildIndexKind<KeywordIndex> = {
    label: 'keyword index',
    storedSignature: (guildId) => storedSignature(db, guildId),
    read: (guildId) => readKeywordIndex(file(guildId)),
    create: () => new KeywordIndex(),
    addStored(guildId, index, afterId) {
      for (const { id, ...searchable } of storedAfter.iterate(guildId, afterId) as Iterable<
        { id: number } & SearchableText
      >) {
        index.add(id, searchable);
      }
    },
    storedIds: (guildId) => db.prepare('SELECT id FROM passages WHERE guild_id = ?').pluck().all(guildId) as number[],
    remove: (index, ids) => index.remove(ids),
    write: (guildId, index) => writeKeywordIndex(file(guildId), index, index.signature()),
  };
  return new GuildIndexCache(db, kind);
}
