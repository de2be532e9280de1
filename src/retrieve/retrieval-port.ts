import type { StoredPassage } from '../store/article-store.js';
import type { KeywordWeights, PassageScope } from '../store/search/search-types.js';
import type { VectorHit } from '../store/search/vector-index.js';
import type { TermCounts } from './term-weights.js';

/**
 * What ranking and answering need of a store, per guild: keyword and vector search, term
 * statistics, passages by id and the guild's outlets. `NewsLibrary` implements it; a second store
 * backend, or a fake in a test, can stand in.
 */
export interface PassageRetrieval {
  /** How many articles the guild has. */
  countArticles(guildId: string): number;
  /** The distinct outlets of the guild's articles. */
  sources(guildId: string): string[];
  /** The guild's passages holding any of the words, with BM25 scores (higher is better), best first. */
  keywordSearch(
    guildId: string,
    words: readonly string[],
    limit: number,
    weights: KeywordWeights,
    scope?: PassageScope,
  ): { id: number; score: number }[];
  /** How many of the guild's passages contain each of these index terms, and how many it has. */
  termFrequencies(guildId: string, terms: readonly string[]): TermCounts;
  /** The guild's passages nearest to a query vector (only among `allowed`, when given). */
  searchVectors(
    guildId: string,
    query: ArrayLike<number>,
    k: number,
    allowed?: ReadonlySet<number>,
    ef?: number,
  ): VectorHit[];
  /** The ids of the guild's passages in a scope (one outlet, one day of publication). */
  passageIdsIn(guildId: string, scope: PassageScope): Set<number>;
  /** The passages with these ids that belong to the guild, with their articles, in the order asked. */
  getPassages(guildId: string, ids: readonly number[]): StoredPassage[];
  /** The leads (first passages) of the guild's newest articles dated in [since, until), newest first. */
  periodLeads(guildId: string, since: Date, until: Date, limit: number): StoredPassage[];
  /** Whether any headline of the guild's articles holds these words in this order (a subject, not an outlet). */
  headlinesMention(guildId: string, name: string): boolean;
}
