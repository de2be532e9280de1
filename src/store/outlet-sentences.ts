import type { Statement } from 'better-sqlite3';
import { bodyFingerprints, OUTLET_BOILERPLATE_ARTICLES, sentenceFingerprints } from '../text/outlet-boilerplate.js';
import type { SqliteDatabase } from './sqlite.js';

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
