import type { PassageRetrieval } from '../../src/retrieve/retrieval-port.js';
import type { StoredArticle, StoredPassage } from '../../src/store/article-store.js';
import type { KeywordWeights, PassageScope } from '../../src/store/search/search-types.js';
import type { VectorHit } from '../../src/store/search/vector-index.js';
import { indexTerms } from '../../src/text/terms.js';

/**
 * A store that is not newsdesk's: passages held in an array, keyword search by counting matched
 * terms. It shows that ranking and answering need nothing but the PassageRetrieval port.
 */
export class InMemoryRetrieval implements PassageRetrieval {
  private readonly passages: StoredPassage[] = [];

  /** Add an article as one passage per paragraph. */
  add(guildId: string, article: { title: string; source?: string; paragraphs: string[] }): void {
    const stored: StoredArticle = {
      id: `${guildId}-${this.passages.length}`,
      guildId,
      title: article.title,
      source: article.source ?? null,
      author: null,
      url: null,
      publishedAt: null,
      category: null,
      contentHash: '',
      addedAt: '',
      updatedAt: '',
      passageCount: article.paragraphs.length,
    };
    let start = 0;
    article.paragraphs.forEach((text, seq) => {
      const id = this.passages.length + 1;
      this.passages.push({ id, articleId: stored.id, seq, start, end: start + text.length, text, article: stored });
      start += text.length + 2;
    });
  }

  countArticles(guildId: string): number {
    return new Set(this.of(guildId).map((passage) => passage.articleId)).size;
  }

  sources(guildId: string): string[] {
    return [...new Set(this.of(guildId).flatMap((passage) => passage.article.source ?? []))];
  }

  keywordSearch(
    guildId: string,
    words: readonly string[],
    limit: number,
    _weights: KeywordWeights,
    scope: PassageScope = {},
  ): { id: number; score: number }[] {
    const wanted = new Set(words.flatMap((word) => indexTerms(word)));
    return this.of(guildId)
      .filter((passage) => inScope(passage, scope))
      .map((passage) => ({
        id: passage.id,
        score: indexTerms(`${passage.article.title} ${passage.text}`).filter((term) => wanted.has(term)).length,
      }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, limit);
  }

  termFrequencies(guildId: string, terms: readonly string[]): { passages: number; frequencies: Map<string, number> } {
    const passages = this.of(guildId);
    const frequencies = new Map(
      terms.map((term) => [term, passages.filter((passage) => indexTerms(passage.text).includes(term)).length]),
    );
    return { passages: passages.length, frequencies };
  }

  periodLeads(guildId: string, since: Date, until: Date, limit: number): StoredPassage[] {
    const inPeriod = (passage: StoredPassage) => {
      const at = passage.article.publishedAt ? Date.parse(passage.article.publishedAt) : Number.NaN;
      return at >= since.getTime() && at < until.getTime();
    };
    return this.of(guildId)
      .filter((passage) => passage.seq === 0 && inPeriod(passage))
      .sort((a, b) => (b.article.publishedAt ?? '').localeCompare(a.article.publishedAt ?? ''))
      .slice(0, limit);
  }

  searchVectors(_guildId: string, _query: ArrayLike<number>, _k: number): VectorHit[] {
    return [];
  }

  passageIdsIn(guildId: string, scope: PassageScope): Set<number> {
    return new Set(
      this.of(guildId)
        .filter((passage) => inScope(passage, scope))
        .map((passage) => passage.id),
    );
  }

  getPassages(guildId: string, ids: readonly number[]): StoredPassage[] {
    const own = new Map(this.of(guildId).map((passage) => [passage.id, passage]));
    return ids.flatMap((id) => own.get(id) ?? []);
  }

  headlinesMention(guildId: string, name: string): boolean {
    return this.of(guildId).some((passage) => passage.article.title.toLowerCase().includes(name.toLowerCase()));
  }

  private of(guildId: string): StoredPassage[] {
    return this.passages.filter((passage) => passage.article.guildId === guildId);
  }
}

/** Whether a passage is of the scope's outlet and published on its day or days (UTC). */
function inScope(passage: StoredPassage, scope: PassageScope): boolean {
  const day = passage.article.publishedAt?.slice(0, 10);
  if (scope.source !== undefined && passage.article.source !== scope.source) return false;
  if (scope.day !== undefined && day !== scope.day) return false;
  if (scope.days !== undefined && (day === undefined || day < scope.days.from || day > scope.days.to)) return false;
  return true;
}
