import { createHash } from 'node:crypto';
import { wordTokens } from '../ingest/text.js';
import type { SqliteDatabase } from './database.js';
import { scopeSearchToken } from './scope-tokens.js';

/** A part of a guild's passages: those of one outlet, or published on one day (UTC, "YYYY-MM-DD"). */
export interface PassageScope {
  source?: string | undefined;
  day?: string | undefined;
}

/** Column weights of bm25() over (title, source, text): a word in the headline counts more. */
export interface KeywordWeights {
  title: number;
  source: number;
  text: number;
}

/** What the full-text index holds for one passage. */
export interface SearchableText {
  title: string;
  source: string | null;
  text: string;
  publishedAt: string | null;
}

/**
 * The full-text table of one guild. One table per guild keeps each server's BM25 statistics (how
 * rare a word is, how long passages are) its own, and spares every search a filter on the guild,
 * which cost FTS5 a pass over all of the guild's postings on each query. The name is a hash, so a
 * guild id never reaches SQL as text.
 */
export function guildSearchTable(guildId: string): string {
  return `guild_search_${createHash('sha256').update(guildId).digest('hex').slice(0, 16)}`;
}

/** Create the guild's full-text table (and its term-count view) if it does not exist yet. */
export function createGuildSearch(db: SqliteDatabase, guildId: string): string {
  const table = guildSearchTable(guildId);
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING fts5(
      title, source, text, outlet, day,
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS ${table}_vocab USING fts5vocab(${table}, 'row');
  `);
  return table;
}

/** Per-guild full-text search over passages (SQLite FTS5, bm25). */
export class PassageSearch {
  private readonly known = new Set<string>();

  constructor(private readonly db: SqliteDatabase) {}

  private tableOf(guildId: string): string | undefined {
    const table = guildSearchTable(guildId);
    if (this.known.has(table)) return table;
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists) return undefined;
    // Remembered only outside a transaction: one still open may roll the table's creation back.
    if (!this.db.inTransaction) this.known.add(table);
    return table;
  }

  /** Index one passage of the guild under its passage id (inside the caller's transaction). */
  add(guildId: string, passageId: number, searchable: SearchableText): void {
    const table = this.tableOf(guildId) ?? createGuildSearch(this.db, guildId);
    this.db
      .prepare(
        `INSERT INTO guild_search_sizes (guild_id, passages) VALUES (?, 1)
         ON CONFLICT (guild_id) DO UPDATE SET passages = passages + 1`,
      )
      .run(guildId);
    this.db
      .prepare(`INSERT INTO ${table} (rowid, title, source, text, outlet, day) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(
        passageId,
        searchable.title,
        searchable.source ?? '',
        searchable.text,
        searchable.source === null ? '' : scopeSearchToken('outlet', searchable.source),
        searchable.publishedAt === null ? '' : scopeSearchToken('day', searchable.publishedAt.slice(0, 10)),
      );
  }

  /** Remove passages of the guild from its index. */
  remove(guildId: string, passageIds: readonly number[]): void {
    const table = this.tableOf(guildId);
    if (!table) return;
    const statement = this.db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
    let removed = 0;
    for (const id of passageIds) removed += statement.run(id).changes;
    this.db.prepare('UPDATE guild_search_sizes SET passages = passages - ? WHERE guild_id = ?').run(removed, guildId);
  }

  /** How many passages the guild's index holds (kept as a count: counting the rows took 3 ms at 100k). */
  size(guildId: string): number {
    const row = this.db.prepare('SELECT passages FROM guild_search_sizes WHERE guild_id = ?').get(guildId) as
      | { passages: number }
      | undefined;
    return row?.passages ?? 0;
  }

  /** The guild's passages matching the expression: ids with bm25 scores (higher is better), best first. */
  search(
    guildId: string,
    matchExpression: string,
    limit: number,
    weights: KeywordWeights,
    scope: PassageScope = {},
  ): { id: number; score: number }[] {
    const table = this.tableOf(guildId);
    if (!table) return [];
    // The outlet and the day are single tokens in their own columns, so FTS5 intersects on them
    // before it scores: only the scope's matches are ranked.
    const required: string[] = [];
    if (scope.source !== undefined) required.push(`outlet : "${scopeSearchToken('outlet', scope.source)}"`);
    if (scope.day !== undefined) required.push(`day : "${scopeSearchToken('day', scope.day)}"`);
    return this.db
      .prepare(
        `SELECT rowid AS id, -bm25(${table}, ?, ?, ?, 0, 0) AS score FROM ${table}
         WHERE ${table} MATCH ? ORDER BY score DESC, id LIMIT ?`,
      )
      .all(weights.title, weights.source, weights.text, [...required, `(${matchExpression})`].join(' AND '), limit) as {
      id: number;
      score: number;
    }[];
  }

  /** Whether any passage's headline holds the words of `phrase` in this order. */
  titlesHold(guildId: string, phrase: string): boolean {
    const table = this.tableOf(guildId);
    const words = wordTokens(phrase);
    if (!table || words.length === 0) return false;
    const found = this.db
      .prepare(`SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT 1`)
      .get(`title : "${words.join(' ')}"`);
    return found !== undefined;
  }

  /** How many of the guild's passages contain each of these index terms (Porter stems). */
  termCounts(guildId: string, terms: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    const table = this.tableOf(guildId);
    if (!table || terms.length === 0) return counts;
    const rows = this.db
      .prepare(`SELECT term, doc FROM ${table}_vocab WHERE term IN (${terms.map(() => '?').join(',')})`)
      .all(...terms) as { term: string; doc: number }[];
    for (const row of rows) counts.set(row.term, row.doc);
    return counts;
  }
}

/**
 * Move a database from the one shared full-text table (guild as a column) to one table per guild,
 * rebuilt from the stored passages.
 */
export function splitSearchByGuild(db: SqliteDatabase): void {
  db.exec('CREATE TABLE guild_search_sizes (guild_id TEXT PRIMARY KEY, passages INTEGER NOT NULL) WITHOUT ROWID;');
  db.exec('INSERT INTO guild_search_sizes SELECT guild_id, count(*) FROM passages GROUP BY guild_id;');
  const guilds = db.prepare('SELECT DISTINCT guild_id FROM passages').pluck().all() as string[];
  for (const guildId of guilds) {
    const table = createGuildSearch(db, guildId);
    db.prepare(
      `INSERT INTO ${table} (rowid, title, source, text, outlet, day)
       SELECT p.id, a.title, coalesce(a.source, ''), p.text, scope_search_token('outlet', a.source),
         scope_search_token('day', substr(a.published_at, 1, 10))
       FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.guild_id = ?`,
    ).run(guildId);
  }
  db.exec('DROP TABLE IF EXISTS passage_search_vocab; DROP TABLE IF EXISTS passage_search;');
}
