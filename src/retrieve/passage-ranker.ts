import type { EmbeddingModel } from '../embed/embedding-model.js';
import type { KeywordWeights, PassageScope, StoredPassage } from '../store/article-store.js';
import { contentWords, stemOf } from '../text/terms.js';
import type { QuestionPeriod } from '../time/question-period.js';
import { fuseRankings, limitPerGroup } from './fusion.js';
import { findNamedDays } from './named-dates.js';
import { findNamedSources, interleave } from './named-sources.js';
import type { PassageRetrieval } from './retrieval-port.js';
import { idfWeights, type TermCounts } from './term-weights.js';
import { reorderByWindowCoverage, type WindowReorderOptions } from './window-reorder.js';

/** A passage with how it was found. */
export interface RankedPassage {
  passage: StoredPassage;
  /** Fused score; only the order matters. */
  score: number;
  keywordRank: number | undefined;
  denseRank: number | undefined;
  /** Cosine similarity of the passage's vector to the question's, when the dense search found it. */
  similarity: number | undefined;
  /** Place in the search's own order, before the window reorder (0: the search's best match). */
  searchPosition: number;
}

type FoundPassage = Omit<RankedPassage, 'searchPosition'>;

/** The ranked passages, with the question's term counts the ranking read (the answer weighs words with them). */
export interface Ranking {
  passages: RankedPassage[];
  termCounts: TermCounts;
}

export interface RankingOptions {
  /** How many candidates each of keyword and dense search contributes before fusion. */
  candidates: number;
  keywordWeight: number;
  denseWeight: number;
  /** The k of reciprocal rank fusion. */
  fusionK: number;
  /** At most this many passages of one article in the results, unless nothing else is left. */
  maxPerArticle: number;
  keywordWeights: KeywordWeights;
  /** Take each outlet the question names in turn (off only for ablations). */
  outletInterleaving: boolean;
  /** Take the articles of each day the question names in turn. */
  dateInterleaving: boolean;
  /**
   * Question words found in more than this share of all passages are left out of the keyword
   * search (1 keeps every word): BM25 gives them almost no weight, yet each makes the search
   * score most of the library.
   */
  commonWordShare: number;
  /** The top k reordered by how well a few consecutive sentences cover the question (weight 0: off). */
  windowReorder: WindowReorderOptions;
}

/**
 * Defaults chosen by measurement on the MultiHop-RAG dev split (see docs/retrieval.md): on
 * entity-heavy news, fusing the offline embedding in lowers every figure, so BM25 ranks and the
 * embedding only fills in when keywords find too little.
 */
export const DEFAULT_RANKING_OPTIONS: RankingOptions = {
  candidates: 50,
  keywordWeight: 1,
  denseWeight: 0,
  fusionK: 60,
  maxPerArticle: 6,
  keywordWeights: { title: 1, source: 1, text: 1 },
  outletInterleaving: true,
  dateInterleaving: true,
  commonWordShare: 0.2,
  windowReorder: { weight: 3, sentences: 2 },
};

/** When every question word is common, the search keeps this many of the rarest. */
const RAREST_WORDS_KEPT = 3;
/** Below this many passages a search is fast anyway, and in a small library every word looks common. */
const MIN_PASSAGES_TO_PRUNE = 2000;

/** Hybrid retrieval over one guild: BM25 over its keyword index and cosine over its hnswlib index, fused. */
export class PassageRanker {
  private readonly library: PassageRetrieval;
  private readonly model: EmbeddingModel;
  private readonly options: RankingOptions;

  constructor(parts: { retrieval: PassageRetrieval; model: EmbeddingModel; options?: RankingOptions | undefined }) {
    this.library = parts.retrieval;
    this.model = parts.model;
    this.options = parts.options ?? DEFAULT_RANKING_OPTIONS;
  }

  /**
   * The k passages of the guild most relevant to the question, best first. When the question
   * names outlets the guild has articles from, each named outlet's best passages are taken in
   * turn first, so a question comparing two outlets sees both.
   */
  async rank(guildId: string, question: string, k: number, when: QuestionTime = {}): Promise<Ranking> {
    const words = contentWords(question);
    const stems = [...new Set(words.map(stemOf))];
    // Read once (4-5 ms at 100k passages): for leaving common words out, for the reorder's weights,
    // and for the answer's.
    let counts: TermCounts | undefined;
    const countsOnce = () => {
      counts ??= this.library.termFrequencies(guildId, stems);
      return counts;
    };
    const searchWords = this.leaveOutCommonWords(words, countsOnce);
    const queryVector = this.options.denseWeight > 0 ? await this.model.embeddings.embedQuery(question) : undefined;
    const everywhere = this.candidates(guildId, searchWords, queryVector, {});
    const scopes: PassageScope[] = [];
    if (this.options.outletInterleaving) {
      scopes.push(...findNamedSources(question, this.library.sources(guildId)).map((source) => ({ source })));
    }
    if (this.options.dateInterleaving) {
      scopes.push(...findNamedDays(question).map((day) => ({ day })));
      // "yesterday", "last week", "in November": the period's best passages first, as a named day's.
      if (when.period) scopes.push({ days: utcDaysOf(when.period) });
    }
    const ordered =
      scopes.length === 0
        ? everywhere
        : interleave([...scopes.map((scope) => this.candidates(guildId, searchWords, queryVector, scope)), everywhere]);
    const byId = new Map<number, Candidate>();
    for (const candidate of ordered) if (!byId.has(candidate.id)) byId.set(candidate.id, candidate);
    const byArticle = (entry: FoundPassage) => entry.passage.articleId;
    let ranked = this.withPassages(guildId, [...byId.values()]);
    let top = limitPerGroup(ranked, byArticle, this.options.maxPerArticle, k);
    if (!queryVector && !filledWithinCap(top, byArticle, this.options.maxPerArticle, k)) {
      // Keywords found too little (a question in other words than the articles'): the embedding fills up.
      const vector = await this.model.embeddings.embedQuery(question);
      const before = byId.size;
      this.library.searchVectors(guildId, vector, this.options.candidates).forEach((hit, index) => {
        if (!byId.has(hit.id)) {
          byId.set(hit.id, {
            id: hit.id,
            score: 0,
            keywordRank: undefined,
            denseRank: index + 1,
            similarity: hit.similarity,
          });
        }
      });
      ranked = [...ranked, ...this.withPassages(guildId, [...byId.values()].slice(before))];
      top = limitPerGroup(ranked, byArticle, this.options.maxPerArticle, k);
    }
    const termCounts = countsOnce();
    const passages = reorderByWindowCoverage(
      top.map((entry, searchPosition) => ({ ...entry, searchPosition })),
      (entry) => entry.passage.text,
      idfWeights(stems, termCounts),
      this.options.windowReorder,
    );
    return { passages, termCounts };
  }

  private withPassages(guildId: string, found: readonly Candidate[]): FoundPassage[] {
    const passages = new Map(
      this.library
        .getPassages(
          guildId,
          found.map((entry) => entry.id),
        )
        .map((passage) => [passage.id, passage]),
    );
    return found.flatMap(({ id, ...rest }): FoundPassage[] => {
      const passage = passages.get(id);
      return passage ? [{ passage, ...rest }] : [];
    });
  }

  /** The question's content words worth searching the guild for: the common ones are left out (see commonWordShare). */
  searchWords(guildId: string, question: string): string[] {
    const words = contentWords(question);
    return this.leaveOutCommonWords(words, () => this.library.termFrequencies(guildId, words.map(stemOf)));
  }

  private leaveOutCommonWords(words: string[], countsOf: () => TermCounts): string[] {
    if (this.options.commonWordShare >= 1 || words.length <= RAREST_WORDS_KEPT) return words;
    const { passages, frequencies } = countsOf();
    if (passages < MIN_PASSAGES_TO_PRUNE) return words;
    const share = (word: string) => (frequencies.get(stemOf(word)) ?? 0) / Math.max(1, passages);
    const rare = words.filter((word) => share(word) <= this.options.commonWordShare);
    if (rare.length >= RAREST_WORDS_KEPT) return rare;
    return [...words].sort((a, b) => share(a) - share(b)).slice(0, RAREST_WORDS_KEPT);
  }

  /** Keyword and dense candidates fused, from the whole guild or from one outlet. */
  private candidates(
    guildId: string,
    searchWords: readonly string[],
    queryVector: number[] | undefined,
    scope: PassageScope,
  ): Candidate[] {
    const { options } = this;
    const keywordHits = this.library.keywordSearch(
      guildId,
      searchWords,
      options.candidates,
      options.keywordWeights,
      scope,
    );
    const scoped = scope.source !== undefined || scope.day !== undefined || scope.days !== undefined;
    const allowed = scoped && queryVector ? this.library.passageIdsIn(guildId, scope) : undefined;
    const denseHits = queryVector ? this.library.searchVectors(guildId, queryVector, options.candidates, allowed) : [];
    const keywordRanks = new Map(keywordHits.map((hit, index) => [hit.id, index + 1]));
    const denseById = new Map(denseHits.map((hit, index) => [hit.id, { rank: index + 1, similarity: hit.similarity }]));
    return fuseRankings(
      [
        { ids: keywordHits.map((hit) => hit.id), weight: options.keywordWeight },
        { ids: denseHits.map((hit) => hit.id), weight: options.denseWeight },
      ],
      options.fusionK,
    ).map(({ id, score }) => {
      const dense = denseById.get(id);
      return { id, score, keywordRank: keywordRanks.get(id), denseRank: dense?.rank, similarity: dense?.similarity };
    });
  }
}

interface Candidate extends Omit<FoundPassage, 'passage'> {
  id: number;
}

/** Whether `top` holds `k` passages with no article over its cap (else more candidates could help). */
function filledWithinCap<T>(top: readonly T[], groupOf: (item: T) => string, cap: number, k: number): boolean {
  if (top.length < k) return false;
  const counts = new Map<string, number>();
  for (const item of top) counts.set(groupOf(item), (counts.get(groupOf(item)) ?? 0) + 1);
  return [...counts.values()].every((count) => count <= cap);
}

/** The period the question's relative date means (read by the caller, who knows when and where it is asked). */
export interface QuestionTime {
  period?: QuestionPeriod | undefined;
}

/** The UTC days a period touches (articles are dated by their UTC day in the indexes). */
function utcDaysOf(period: QuestionPeriod): { from: string; to: string } {
  return {
    from: period.since.toISOString().slice(0, 10),
    to: new Date(Math.max(period.since.getTime(), period.until.getTime() - 1)).toISOString().slice(0, 10),
  };
}
