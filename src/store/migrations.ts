import { OutletSentences } from './outlet-sentences.js';
import type { SqliteDatabase } from './sqlite.js';

/** Schema versions, applied in order; the database's `user_version` says how many have run. */
export const MIGRATIONS: readonly (string | ((db: SqliteDatabase) => void))[] = [
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    guild_id TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT,
    author TEXT,
    url TEXT,
    published_at TEXT,
    category TEXT,
    body TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX articles_guild_url ON articles(guild_id, url) WHERE url IS NOT NULL;
  CREATE INDEX articles_guild_hash ON articles(guild_id, content_hash);
  CREATE INDEX articles_guild_published ON articles(guild_id, published_at);

  -- AUTOINCREMENT: a passage id is also its label in the vector index, and a label that was
  -- marked deleted there must never be handed to a new passage.
  CREATE TABLE passages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    guild_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    model_id TEXT NOT NULL,
    embedding BLOB NOT NULL
  );
  CREATE INDEX passages_article ON passages(article_id, seq);
  CREATE INDEX passages_guild_model ON passages(guild_id, model_id);

  -- Full-text index over passages (rowid = passages.id); bm25() ranks it.
  CREATE VIRTUAL TABLE passage_search USING fts5(
    title, source, text,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  -- Per-term passage counts, for weighting question words by rarity.
  CREATE VIRTUAL TABLE passage_search_vocab USING fts5vocab(passage_search, 'row');

  -- What each guild's saved vector index file holds, to detect a stale or torn file at start-up.
  CREATE TABLE vector_indexes (
    guild_id TEXT PRIMARY KEY,
    model_id TEXT NOT NULL,
    dimensions INTEGER NOT NULL,
    signature TEXT NOT NULL,
    saved_at TEXT NOT NULL
  );

  CREATE TABLE guild_settings (
    guild_id TEXT PRIMARY KEY,
    settings TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  `
  -- Briefings that were posted on schedule: what makes the next one's New/Update tags, and the
  -- (guild, local date) key that makes a daily briefing post once, even across restarts.
  CREATE TABLE briefings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id TEXT NOT NULL,
    local_date TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    posted_at TEXT NOT NULL,
    late INTEGER NOT NULL,
    stories TEXT NOT NULL
  );
  CREATE UNIQUE INDEX briefings_guild_date ON briefings(guild_id, local_date);
  `,
  `
  -- Feeds a guild follows, with what the next poll needs: validators, schedule and error backoff.
  CREATE TABLE feeds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id TEXT NOT NULL,
    url TEXT NOT NULL,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    added_at TEXT NOT NULL,
    last_polled_at TEXT,
    next_poll_at TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );
  CREATE UNIQUE INDEX feeds_guild_url ON feeds(guild_id, url);
  -- Items already seen, so a restart or a re-poll never ingests one twice.
  CREATE TABLE feed_items (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed_id, item_key)
  );
  `,
  `
  -- The guild, the exact outlet and the publication day as indexed columns of the full-text index,
  -- each one token: FTS5 intersects on them before it ranks, where joins to passages and articles
  -- checked every match (3x slower at 100k passages).
  DROP TABLE passage_search_vocab;
  DROP TABLE passage_search;
  CREATE VIRTUAL TABLE passage_search USING fts5(
    title, source, text, guild, outlet, day,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  CREATE VIRTUAL TABLE passage_search_vocab USING fts5vocab(passage_search, 'row');
  INSERT INTO passage_search (rowid, title, source, text, guild, outlet, day)
    SELECT p.id, a.title, coalesce(a.source, ''), p.text, scope_search_token('guild', p.guild_id),
      scope_search_token('outlet', a.source), scope_search_token('day', substr(a.published_at, 1, 10))
    FROM passages p JOIN articles a ON a.id = p.article_id;
  -- Listing a guild's outlets (every question does) reads this index instead of the articles.
  CREATE INDEX articles_guild_source ON articles(guild_id, source);
  `,
  `
  -- A scheduled briefing is claimed before its first message goes out and counts the messages
  -- delivered, so a retry or a restart posts the rest of the same briefing instead of all of it
  -- again. Rows from before this step were posted whole.
  ALTER TABLE briefings ADD COLUMN content TEXT;
  ALTER TABLE briefings ADD COLUMN delivered_parts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE briefings ADD COLUMN finished INTEGER NOT NULL DEFAULT 1;
  `,
  // Was: one full-text table per guild. Keyword search has since left SQLite (step 8), so an older
  // database only drops its full-text tables here.
  dropSearchTables,
  // Which sentences each outlet repeats across its articles (boilerplate never quoted;
  // src/text/outlet-boilerplate.ts).
  recordOutletSentences,
  // Keyword search moved to an in-memory index per guild, built from the passages on first use.
  dropSearchTables,
  `
  -- The turns of conversations, for follow-up questions (src/store/conversation-store.ts).
  CREATE TABLE IF NOT EXISTS conversation_turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id TEXT NOT NULL,
    question TEXT NOT NULL,
    article_ids TEXT NOT NULL,
    follows_id INTEGER,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS conversation_turns_created ON conversation_turns (created_at);
  `,
  `
  -- A newsdesk thread's conversation: the last turn asked in it (src/store/conversation-store.ts).
  CREATE TABLE IF NOT EXISTS conversation_threads (
    thread_id TEXT PRIMARY KEY,
    guild_id TEXT NOT NULL,
    turn_id INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  storeTermCounts,
];

/**
 * Each passage's index terms with their counts, stored at ingest, so a keyword index is rebuilt
 * without tokenising the text again (src/store/search/term-counts.ts). Older passages keep NULL
 * and are tokenised when an index is rebuilt.
 */
export function storeTermCounts(db: SqliteDatabase): void {
  db.exec('CREATE TABLE IF NOT EXISTS index_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE)');
  const columns = db.prepare("SELECT name FROM pragma_table_info('passages')").pluck().all() as string[];
  if (!columns.includes('term_counts')) db.exec('ALTER TABLE passages ADD COLUMN term_counts BLOB');
}

/** Which article holds which sentence, by a hash of guild, outlet and the sentence's first or last words. */
const OUTLET_SENTENCES_SCHEMA = `
  CREATE TABLE outlet_sentences (
    fingerprint INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (fingerprint, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX outlet_sentences_by_article ON outlet_sentences (article_id);
`;

/** Migration: create the table and record the sentences of every stored article. */
export function recordOutletSentences(db: SqliteDatabase): void {
  db.exec(OUTLET_SENTENCES_SCHEMA);
  const sentences = new OutletSentences(db);
  // Read whole first: a connection cannot write while a statement is still iterating.
  const articles = db.prepare('SELECT id, guild_id, source, body FROM articles').all() as {
    id: string;
    guild_id: string;
    source: string | null;
    body: string;
  }[];
  for (const article of articles) sentences.record(article.guild_id, article.id, article.source, article.body);
}

/**
 * Drop the full-text tables: keyword search moved to an in-memory index per guild
 * (src/store/search/keyword-index.ts), which scores the same BM25 18x faster at 100k passages and
 * is rebuilt from the stored passages on first use.
 */
export function dropSearchTables(db: SqliteDatabase): void {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'
       AND (name LIKE 'guild\\_search\\_%' ESCAPE '\\' OR name LIKE 'passage\\_search%' ESCAPE '\\')
       ORDER BY name DESC`,
    )
    .pluck()
    .all() as string[];
  // Descending order drops each vocabulary view before the table it reads.
  for (const table of tables) db.exec(`DROP TABLE IF EXISTS ${table}`);
  db.exec('DROP TABLE IF EXISTS guild_search_sizes');
}
