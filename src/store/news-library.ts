import type { PreparedArticle } from '../ingest/article.js';
import type { PassageRetrieval } from '../retrieve/retrieval-port.js';
import { indexTerms } from '../text/terms.js';
import { ArticleStore, type SavedArticle, type StoredArticle, type StoredPassage } from './article-store.js';
import { BriefingStore } from './briefing-store.js';
import { ConversationStore } from './conversation-store.js';
import { openDatabase } from './database.js';
import { FeedStore } from './feed-store.js';
import { GuildSettingsStore } from './guild-settings.js';
import type { GuildIndexCache } from './search/guild-index-cache.js';
import { type CountedPassage, countPassageTerms, type KeywordIndex } from './search/keyword-index.js';
import { keywordIndexCache } from './search/keyword-indexes.js';
import type { KeywordWeights, PassageScope } from './search/search-types.js';
import { encodeTermCounts, TermDictionary } from './search/term-counts.js';
import type { PassageVectorIndex, VectorHit } from './search/vector-index.js';
import { type VectorModel, vectorIndexCache } from './search/vector-indexes.js';
import type { SqliteDatabase } from './sqlite.js';
import { VectorRecordStore } from './vector-records.js';

export type { VectorModel } from './search/vector-indexes.js';

/** The part of a stored article that saving a replacement needs. */
export type StoredArticleRef = Parameters<ArticleStore['saveArticle']>[4];

/** Options of a listing of a guild's articles. */
export type ArticleListing = NonNullable<Parameters<ArticleStore['listArticles']>[1]>;

/**
 * Everything newsdesk knows, under one data folder: the SQLite database (the source of truth:
 * articles, passages, their vectors, settings), and per guild one hnswlib index of the vectors and
 * one keyword index of the text. Both indexes are caches of the database, rebuilt from it whenever
 * they do not match. The rest of newsdesk sees only the methods below (and the stores of settings,
 * briefings and feeds), never the database.
 */
export class NewsLibrary implements PassageRetrieval {
  readonly settings: GuildSettingsStore;
  readonly briefingRecords: BriefingStore;
  readonly feedRecords: FeedStore;
  readonly conversationRecords: ConversationStore;
  private readonly articles: ArticleStore;
  private readonly vectorRecords: VectorRecordStore;
  private readonly keywords: GuildIndexCache<KeywordIndex>;
  private readonly terms: TermDictionary;
  private readonly vectors: GuildIndexCache<PassageVectorIndex>;

  private constructor(
    private readonly db: SqliteDatabase,
    dataDir: string,
    readonly model: VectorModel,
  ) {
    this.articles = new ArticleStore(db);
    this.vectorRecords = new VectorRecordStore(db);
    this.settings = new GuildSettingsStore(db);
    this.briefingRecords = new BriefingStore(db);
    this.feedRecords = new FeedStore(db);
    this.conversationRecords = new ConversationStore(db);
    this.terms = new TermDictionary(db);
    this.keywords = keywordIndexCache(db, dataDir, this.terms);
    this.vectors = vectorIndexCache(db, { dataDir, model, records: this.vectorRecords });
  }

  /** Open the library in `dataDir` for vectors of the given model. */
  static open(dataDir: string, model: VectorModel): NewsLibrary {
    return new NewsLibrary(openDatabase(dataDir), dataDir, model);
  }

  /** Store an article (new or replacing `existing`) and index its passages' vectors and words. */
  saveArticle(
    guildId: string,
    prepared: PreparedArticle,
    vectors: readonly Float32Array[],
    existing: StoredArticleRef | undefined,
  ): SavedArticle {
    // Loaded before the save, so a rebuild from the database does not already hold the new passages.
    const vectorIndex = this.vectors.of(guildId);
    const keywordIndex = this.keywords.of(guildId);
    // Each passage's terms are counted once: stored with it (for a rebuild) and added to the index.
    let counted: CountedPassage[] = [];
    const saved = this.articles.saveArticle(guildId, prepared, vectors, this.model.id, existing, (article) => {
      const { title, source, publishedAt } = article;
      counted = prepared.passages.map((passage) =>
        countPassageTerms({ title, source, text: passage.text, publishedAt }),
      );
      return counted.map((passage) => encodeTermCounts(passage, this.terms.idsOf(passage.terms)));
    });
    for (const id of saved.replacedPassageIds) vectorIndex.remove(id);
    saved.passageIds.forEach((id, position) => {
      const vector = vectors[position];
      if (vector) vectorIndex.add(id, vector);
    });
    if (saved.replacedPassageIds.length > 0) keywordIndex.remove(saved.replacedPassageIds);
    saved.passageIds.forEach((id, position) => {
      const passage = counted[position];
      if (passage) keywordIndex.addCounted(id, passage, saved.article);
    });
    this.changed(guildId, saved.passageIds.length + saved.replacedPassageIds.length);
    return saved;
  }

  /** Delete an article of the guild and drop its passages from search; false when there is no such article. */
  deleteArticle(guildId: string, articleId: string): boolean {
    if (!this.articles.getArticle(guildId, articleId)) return false;
    const vectorIndex = this.vectors.of(guildId);
    const keywordIndex = this.keywords.of(guildId);
    const removed = this.articles.deleteArticle(guildId, articleId);
    for (const id of removed) vectorIndex.remove(id);
    if (removed.length > 0) keywordIndex.remove(removed);
    this.changed(guildId, removed.length);
    return true;
  }

  /** The guild's article with this id. */
  getArticle(guildId: string, articleId: string): StoredArticle | undefined {
    return this.articles.getArticle(guildId, articleId);
  }

  /** The cleaned text of the guild's article. */
  getArticleBody(guildId: string, articleId: string): string | undefined {
    return this.articles.getArticleBody(guildId, articleId);
  }

  /** The guild's article with this (normalised) url. */
  findByUrl(guildId: string, url: string): StoredArticle | undefined {
    return this.articles.findByUrl(guildId, url);
  }

  /** The guild's article with this url, or else with this content hash. */
  findExisting(guildId: string, url: string | undefined, contentHash: string): StoredArticle | undefined {
    return this.articles.findExisting(guildId, url, contentHash);
  }

  /** The guild's articles, newest first, optionally filtered by title or outlet and by date. */
  listArticles(guildId: string, options: ArticleListing = {}): StoredArticle[] {
    return this.articles.listArticles(guildId, options);
  }

  /** How many articles the guild has (whose title or outlet matches `query`, when given). */
  countArticles(guildId: string, query?: string): number {
    return this.articles.countArticles(guildId, query);
  }

  /** The leads (first passages) of the guild's newest articles dated in [since, until), newest first. */
  periodLeads(guildId: string, since: Date, until: Date, limit: number): StoredPassage[] {
    const articles = this.articles.listArticles(guildId, {
      since: since.toISOString(),
      until: until.toISOString(),
      limit,
    });
    return this.articles.firstPassages(
      guildId,
      articles.map((article) => article.id),
    );
  }

  /** The first passage (the lead) of each of the guild's articles named, with its stored vector. */
  leadPassages(guildId: string, articleIds: readonly string[]): Map<string, { text: string; vector: Float32Array }> {
    return this.articles.leadPassages(guildId, articleIds);
  }

  /** Whether the outlet repeats this sentence across the guild's articles (a newsletter prompt, a promo). */
  isOutletBoilerplate(guildId: string, source: string | null, sentence: string): boolean {
    return this.articles.isOutletBoilerplate(guildId, source, sentence);
  }

  sources(guildId: string): string[] {
    return this.articles.sources(guildId);
  }

  getPassages(guildId: string, ids: readonly number[]): StoredPassage[] {
    return this.articles.getPassages(guildId, ids);
  }

  passageIdsIn(guildId: string, scope: PassageScope): Set<number> {
    return this.articles.passageIdsIn(guildId, scope);
  }

  keywordSearch(
    guildId: string,
    words: readonly string[],
    limit: number,
    weights: KeywordWeights,
    scope: PassageScope = {},
  ): { id: number; score: number }[] {
    return this.keywords.of(guildId).search(words, limit, weights, scope);
  }

  termFrequencies(guildId: string, terms: readonly string[]): { passages: number; frequencies: Map<string, number> } {
    const index = this.keywords.of(guildId);
    return { passages: index.size, frequencies: index.documentFrequencies(terms) };
  }

  headlinesMention(guildId: string, name: string): boolean {
    const wanted = indexTerms(name);
    const candidates = this.keywords.of(guildId).passagesWithTitleTerms(wanted, 500);
    return this.articles.titlesOfPassages(guildId, candidates).some((title) => holdsInOrder(indexTerms(title), wanted));
  }

  searchVectors(
    guildId: string,
    query: ArrayLike<number>,
    k: number,
    allowed?: ReadonlySet<number>,
    ef?: number,
  ): VectorHit[] {
    return this.vectors.of(guildId).search(query, k, allowed, ef);
  }

  /** The ids of the guild's passages with vectors of the library's model, in id order. */
  vectorPassageIds(guildId: string): number[] {
    return this.vectorRecords.passageIds(guildId, this.model.id);
  }

  /** The text of every passage of the guild. */
  passageTexts(guildId: string): string[] {
    return this.db.prepare('SELECT text FROM passages WHERE guild_id = ?').pluck().all(guildId) as string[];
  }

  /** Passages whose vectors another model made (to be re-embedded), at most `limit`. */
  passagesOfOtherModels(limit: number): { id: number; text: string; title: string }[] {
    return this.vectorRecords.stalePassages(this.model.id, limit);
  }

  /** Replace passages' vectors with ones of the library's model, in one transaction. */
  replaceVectors(rows: readonly { id: number; vector: Float32Array }[]): void {
    this.db.transaction(() => {
      for (const { id, vector } of rows) this.vectorRecords.updateVector(id, this.model.id, vector);
    })();
  }

  /** Compare a guild's stored passages with its vector index (loading or rebuilding it as at start-up). */
  audit(guildId: string): { passages: number; indexed: number; missing: number[]; orphans: number[] } {
    const index = this.vectors.of(guildId);
    const passages = this.db.prepare('SELECT count(*) FROM passages WHERE guild_id = ?').pluck().get(guildId) as number;
    return { passages, indexed: index.size, ...index.audit() };
  }

  /**
   * Write the indexes that changed enough since their last write (atomically, each labelled with
   * what it holds); what a file lacks is caught up from the database when it is next read.
   */
  flush(): void {
    this.keywords.flush();
    this.vectors.flush();
  }

  /** Write every changed index and close the database. */
  close(): void {
    this.keywords.flushAll();
    this.vectors.flushAll();
    this.db.close();
  }

  /** Forget loaded indexes so the next search reads them from disk (used after re-embedding). */
  dropLoadedIndexes(): void {
    this.keywords.flushAll();
    this.vectors.drop();
  }

  private changed(guildId: string, passages: number): void {
    this.keywords.changed(guildId, passages);
    this.vectors.changed(guildId, passages);
  }
}

/** Whether `words` hold `wanted` as consecutive words. */
function holdsInOrder(words: readonly string[], wanted: readonly string[]): boolean {
  if (wanted.length === 0) return false;
  for (let start = 0; start + wanted.length <= words.length; start += 1) {
    if (wanted.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}
