import type { SqliteDatabase } from '../sqlite.js';
import { storedSignature } from './catch-up.js';
import { guildFile } from './guild-files.js';
import { GuildIndexCache, type GuildIndexKind } from './guild-index-cache.js';
import { KeywordIndex } from './keyword-index.js';
import { readKeywordIndex, writeKeywordIndex } from './keyword-index-file.js';
import type { SearchableText } from './search-types.js';
import { decodeTermCounts, type TermDictionary } from './term-counts.js';

interface StoredRow extends Omit<SearchableText, 'text'> {
  id: number;
  /** Only read when the passage has no stored term counts (stored before they were). */
  text: string | null;
  termCounts: Uint8Array | null;
}

/** Each guild's keyword index, under `keywords/` in the data folder: a cache of the stored passages. */
export function keywordIndexCache(
  db: SqliteDatabase,
  dataDir: string,
  dictionary: TermDictionary,
): GuildIndexCache<KeywordIndex> {
  const file = (guildId: string) => guildFile(dataDir, 'keywords', guildId, 'bin');
  const storedAfter = db.prepare(
    `SELECT p.id, a.title, a.source, CASE WHEN p.term_counts IS NULL THEN p.text END AS text,
            p.term_counts AS termCounts, a.published_at AS publishedAt
     FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.guild_id = ? AND p.id > ? ORDER BY p.id`,
  );
  const kind: GuildIndexKind<KeywordIndex> = {
    label: 'keyword index',
    storedSignature: (guildId) => storedSignature(db, guildId),
    read: (guildId) => readKeywordIndex(file(guildId)),
    create: () => new KeywordIndex(),
    addStored(guildId, index, afterId) {
      // Dictionary id -> this index's term id (+1; 0 while not met yet), grown as ids are met.
      let localIds = new Int32Array(1024);
      const localId = (stored: number): number => {
        if (stored >= localIds.length) {
          const grown = new Int32Array(Math.max(stored + 1, localIds.length * 2));
          grown.set(localIds);
          localIds = grown;
        }
        let id = (localIds[stored] as number) - 1;
        if (id < 0) {
          const term = dictionary.termOf(stored);
          if (term === undefined) throw new Error(`index term ${stored} is missing from index_terms`);
          id = index.termIdOf(term);
          localIds[stored] = id + 1;
        }
        return id;
      };
      for (const row of storedAfter.iterate(guildId, afterId) as Iterable<StoredRow>) {
        if (row.termCounts === null) {
          index.add(row.id, { ...row, text: row.text ?? '' });
          continue;
        }
        const { length, termIds, packed } = decodeTermCounts(row.termCounts);
        for (let at = 0; at < termIds.length; at += 1) termIds[at] = localId(termIds[at] as number);
        index.addTermIds(row.id, termIds, packed, length, row);
      }
    },
    storedIds: (guildId) => db.prepare('SELECT id FROM passages WHERE guild_id = ?').pluck().all(guildId) as number[],
    remove: (index, ids) => index.remove(ids),
    write: (guildId, index) => writeKeywordIndex(file(guildId), index, index.signature()),
  };
  return new GuildIndexCache(db, kind);
}
