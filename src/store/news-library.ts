import { existsSync } from 'node:fs';
import type { PreparedArticle } from '../ingest/article.js';
import { componentLogger } from '../logger.js';
import { ArticleStore, type SavedArticle } from './article-store.js';
import { catchUpIndex, OtherWritersWatch } from './catch-up.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { guildFile } from './guild-files.js';
import { indexTerms } from './index-terms.js';
import { GuildKeywordIndexes } from './keyword-indexes.js';
import type { KeywordWeights, PassageScope } from './search-types.js';
import { PassageVectorIndex, type VectorHit } from './vector-index.js';
import { VectorRecordStore } from './vector-records.js';

const log = componentLogger('store');

/** Which model's vectors the library holds. */
export interface VectorModel {
  id: string;
  dimensions: number;
}

/**
 * Everything newsdesk knows, under one data folder: the SQLite database (the source of truth:
 * articles, passages, their vectors, settings), and per guild one hnswlib index of the vectors and
 * one keyword index of the text. Both indexes are caches of the database, rebuilt from it whenever
 * they do not match.
 */
export class NewsLibrary {
  readonly articles: ArticleStore;
  readonly vectorRecords: VectorRecordStore;
  private readonly keywords: GuildKeywordIndexes;
  private readonly indexes = new Map<string, PassageVectorIndex>();
  private readonly unsaved = new Set<string>();
  private readonly otherWriters: OtherWritersWatch;

  private constructor(
    readonly db: SqliteDatabase,
    private readonly dataDir: string,
    readonly model: VectorModel,
  ) {
    this.articles = new ArticleStore(db);
    this.vectorRecords = new VectorRecordStore(db);
    this.keywords = new GuildKeywordIndexes(db, dataDir);
    this.otherWriters = new OtherWritersWatch(db);
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
    const index = this.indexFor(guildId);
    this.keywords.of(guildId);
    const saved = this.articles.saveArticle(guildId, prepared, vectors, this.model.id, existing);
    for (const id of saved.replacedPassageIds) index.remove(id);
    saved.passageIds.forEach((id, position) => {
      const vector = vectors[position];
      if (vector) index.add(id, vector);
    });
    const { title, source, publishedAt } = saved.article;
    this.keywords.remove(guildId, saved.replacedPassageIds);
    this.keywords.add(
      guildId,
      saved.passageIds.map((id, position) => ({
        id,
        searchable: { title, source, text: prepared.passages[position]?.text ?? '', publishedAt },
      })),
    );
    this.unsaved.add(guildId);
    return saved;
  }

  /** Delete an article of the guild and drop its passages from search; false when there is no such article. */
  deleteArticle(guildId: string, articleId: string): boolean {
    if (!this.articles.getArticle(guildId, articleId)) return false;
    const index = this.indexFor(guildId);
    this.keywords.of(guildId);
    const removed = this.articles.deleteArticle(guildId, articleId);
    for (const id of removed) index.remove(id);
    this.keywords.remove(guildId, removed);
    this.unsaved.add(guildId);
    return true;
  }

  /** The guild's passages holding any of the words, with BM25 scores (higher is better), best first. */
  keywordSearch(
    guildId: string,
    words: readonly string[],
    limit: number,
    weights: KeywordWeights,
    scope: PassageScope = {},
  ): { id: number; score: number }[] {
    return this.keywords.of(guildId).search(words, limit, weights, scope);
  }

  /** How many of the guild's passages contain each of these index terms (Porter stems), and how many it has. */
  termFrequencies(guildId: string, terms: readonly string[]): { passages: number; frequencies: Map<string, number> } {
    const index = this.keywords.of(guildId);
    return { passages: index.size, frequencies: index.documentFrequencies(terms) };
  }

  /** Whether any headline of the guild's articles holds these words in this order (stemmed, case ignored). */
  headlinesMention(guildId: string, name: string): boolean {
    const wanted = indexTerms(name);
    const candidates = this.keywords.of(guildId).passagesWithTitleTerms(wanted, 500);
    return this.articles.titlesOfPassages(guildId, candidates).some((title) => holdsInOrder(indexTerms(title), wanted));
  }

  /** The guild's passages nearest to a query vector (only among `allowed`, when given; `ef` for measurement). */
  searchVectors(
    guildId: string,
    query: ArrayLike<number>,
    k: number,
    allowed?: ReadonlySet<number>,
    ef?: number,
  ): VectorHit[] {
    return this.indexFor(guildId).search(query, k, allowed, ef);
  }

  /** Compare a guild's stored passages with its vector index (loading or rebuilding it as at start-up). */
  audit(guildId: string): { passages: number; indexed: number; missing: number[]; orphans: number[] } {
    const index = this.indexFor(guildId);
    const passages = (
      this.db.prepare('SELECT count(*) AS n FROM passages WHERE guild_id = ?').get(guildId) as { n: number }
    ).n;
    return { passages, indexed: index.size, ...index.audit() };
  }

  /** Write every changed index to disk (atomically) and record what each file holds. */
  flush(): void {
    this.keywords.flush();
    for (const guildId of this.unsaved) {
      const index = this.indexes.get(guildId);
      if (!index) continue;
      index.save(this.indexFile(guildId));
      // What the file holds, which is what the database holds unless another process wrote since.
      this.vectorRecords.recordSavedIndex(guildId, this.model.id, this.model.dimensions, index.signature());
    }
    this.unsaved.clear();
  }

  /** Flush and close the database. */
  close(): void {
    this.flush();
    this.db.close();
  }

  /** Forget loaded indexes so the next search reads them from disk (used after re-embedding). */
  dropLoadedIndexes(): void {
    this.flush();
    this.indexes.clear();
  }

  private indexFile(guildId: string): string {
    return guildFile(this.dataDir, 'vectors', guildId, 'hnsw');
  }

  private indexFor(guildId: string): PassageVectorIndex {
    this.catchUpWithOtherWriters();
    const loaded = this.indexes.get(guildId);
    if (loaded) return loaded;
    const index = this.loadOrRebuild(guildId);
    this.indexes.set(guildId, index);
    return index;
  }

  /**
   * When another connection has committed (`npm run ingest` while the bot runs), each loaded vector
   * index that no longer matches the database takes the vectors added since and drops those gone.
   */
  private catchUpWithOtherWriters(): void {
    if (!this.otherWriters.committedElsewhere()) return;
    for (const [guildId, index] of this.indexes) {
      const caughtUp = catchUpIndex(
        index,
        this.vectorRecords.vectorSignature(guildId, this.model.id),
        (largest) => {
          for (const { id, vector } of this.vectorRecords.iterateVectors(guildId, this.model.id, largest)) {
            if (vector.length === this.model.dimensions) index.add(id, vector);
          }
        },
        () => this.vectorRecords.passageIds(guildId, this.model.id),
        (ids) => {
          for (const id of ids) index.remove(id);
        },
      );
      if (!caughtUp) continue;
      log.info({ guildId, passages: index.size }, 'vector index caught up with another process');
      this.unsaved.add(guildId);
    }
  }

  private loadOrRebuild(guildId: string): PassageVectorIndex {
    const file = this.indexFile(guildId);
    const saved = this.vectorRecords.savedIndex(guildId);
    const signature = this.vectorRecords.vectorSignature(guildId, this.model.id);
    const matches =
      saved?.modelId === this.model.id && saved.dimensions === this.model.dimensions && saved.signature === signature;
    if (matches && existsSync(file)) {
      try {
        return PassageVectorIndex.read(
          file,
          this.model.dimensions,
          this.vectorRecords.passageIds(guildId, this.model.id),
        );
      } catch (error) {
        log.warn({ guildId, err: error }, 'vector index file unreadable; rebuilding from the database');
      }
    } else if (saved || existsSync(file)) {
      log.warn(
        { guildId, expected: signature, found: saved?.signature },
        'vector index does not match the database; rebuilding',
      );
    }
    return this.rebuild(guildId);
  }

  private rebuild(guildId: string): PassageVectorIndex {
    const started = performance.now();
    const count = Number(this.vectorRecords.vectorSignature(guildId, this.model.id).split(':')[0]);
    const index = PassageVectorIndex.create(this.model.dimensions, Math.max(1024, Math.ceil(count * 1.25)));
    for (const { id, vector } of this.vectorRecords.iterateVectors(guildId, this.model.id)) {
      if (vector.length === this.model.dimensions) index.add(id, vector);
    }
    if (count > 0) {
      log.info({ guildId, passages: index.size, ms: Math.round(performance.now() - started) }, 'vector index rebuilt');
      this.unsaved.add(guildId);
    }
    return index;
  }
}

/** The part of a stored article that saving a replacement needs. */
type StoredArticleRef = Parameters<ArticleStore['saveArticle']>[4];

/** Whether `words` hold `wanted` as consecutive words. */
function holdsInOrder(words: readonly string[], wanted: readonly string[]): boolean {
  if (wanted.length === 0) return false;
  for (let start = 0; start + wanted.length <= words.length; start += 1) {
    if (wanted.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}
