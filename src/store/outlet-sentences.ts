import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { splitSentences, wordTokens } from '../ingest/text.js';
import type { SqliteDatabase } from './database.js';

/**
 * A sentence an outlet uses in this many of a guild's articles is its boilerplate: a newsletter
 * prompt, a shopping-guide blurb, a sign-up form's text. Three, because two articles of a
 * developing story may well share a sentence of background.
 */
export const OUTLET_BOILERPLATE_ARTICLES = 3;
/** Shorter sentences are never quoted, so they are not counted. */
const MIN_COUNTED_WORDS = 4;
/**
 * A sentence is known by its first and by its last words: scraped sign-up forms glue the same
 * text to a newsletter's changing name ("Sign up to our free IndyArts newsletter … SIGN UP I would
 * like to be emailed about offers, events and updates from The Independent").
 */
const EDGE_WORDS = 12;

/** The guild id under which in-memory counts are kept. */
const IN_MEMORY = '';

/** Whether an outlet repeats this sentence across its articles (then it is never quoted). */
export type BoilerplateTest = (source: string | null, sentence: string) => boolean;

/** Which article holds which sentence, by a hash of guild, outlet and the sentence's first or last words. */
export const OUTLET_SENTENCES_SCHEMA = `
  CREATE TABLE outlet_sentences (
    fingerprint INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (fingerprint, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX outlet_sentences_by_article ON outlet_sentences (article_id);
`;

function fingerprint(guildId: string, source: string | null, edge: 'first' | 'last', words: string[]): bigint {
  return createHash('sha256')
    .update(`${guildId}\u0000${source ?? ''}\u0000${edge}\u0000${words.join(' ')}`)
    .digest()
    .readBigInt64BE(0);
}

/** The fingerprints of a sentence's first and last EDGE_WORDS words (one when those are the same words). */
function sentenceFingerprints(guildId: string, source: string | null, sentence: string): bigint[] {
  const words = wordTokens(sentence.normalize('NFKC'));
  if (words.length < MIN_COUNTED_WORDS) return [];
  const first = fingerprint(guildId, source, 'first', words.slice(0, EDGE_WORDS));
  if (words.length <= EDGE_WORDS) return [first];
  return [first, fingerprint(guildId, source, 'last', words.slice(-EDGE_WORDS))];
}

/** The distinct fingerprints of an article body's sentences. */
function bodyFingerprints(guildId: string, source: string | null, body: string): Set<bigint> {
  const fingerprints = new Set<bigint>();
  for (const sentence of splitSentences(body)) {
    for (const value of sentenceFingerprints(guildId, source, sentence.text)) fingerprints.add(value);
  }
  return fingerprints;
}

/** Which sentences each outlet repeats across its articles, per guild. */
export class OutletSentences {
  // Prepared once: a briefing asks about every sentence of up to 300 leads.
  private readonly forget: Statement;
  private readonly insert: Statement;
  private readonly count: Statement;

  constructor(db: SqliteDatabase) {
    this.forget = db.prepare('DELETE FROM outlet_sentences WHERE article_id = ?');
    this.insert = db.prepare('INSERT INTO outlet_sentences (fingerprint, article_id) VALUES (?, ?)');
    this.count = db
      .prepare('SELECT count(*) FROM (SELECT 1 FROM outlet_sentences WHERE fingerprint = ? LIMIT ?)')
      .pluck();
  }

  /** Record an article's sentences, replacing what was recorded for it (inside the caller's transaction). */
  record(guildId: string, articleId: string, source: string | null, body: string): void {
    this.forget.run(articleId);
    for (const value of bodyFingerprints(guildId, source, body)) this.insert.run(value, articleId);
  }

  /**
   * Whether OUTLET_BOILERPLATE_ARTICLES or more of the guild's articles from this outlet hold a
   * sentence that begins, or ends, with the same words as this one.
   */
  isBoilerplate(guildId: string, source: string | null, sentence: string): boolean {
    return sentenceFingerprints(guildId, source, sentence).some(
      (value) => (this.count.get(value, OUTLET_BOILERPLATE_ARTICLES) as number) >= OUTLET_BOILERPLATE_ARTICLES,
    );
  }
}

/** The same test over articles held in memory (the briefing benchmark profiles a corpus without a library). */
export function outletBoilerplateIn(articles: readonly { source: string | null; body: string }[]): BoilerplateTest {
  const counts = new Map<bigint, number>();
  for (const article of articles) {
    for (const value of bodyFingerprints(IN_MEMORY, article.source, article.body)) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return (source, sentence) =>
    sentenceFingerprints(IN_MEMORY, source, sentence).some(
      (value) => (counts.get(value) ?? 0) >= OUTLET_BOILERPLATE_ARTICLES,
    );
}

/** The text without the sentences the test marks as its outlet's boilerplate. */
export function withoutBoilerplate(text: string, source: string | null, isBoilerplate: BoilerplateTest): string {
  return splitSentences(text)
    .filter((sentence) => !isBoilerplate(source, sentence.text))
    .map((sentence) => sentence.text)
    .join(' ');
}

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
