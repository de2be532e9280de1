import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { PassageRanker } from './passage-ranker.js';

/** What each Document of the retriever carries besides the passage's text. */
export interface PassageMetadata {
  passageId: number;
  articleId: string;
  title: string;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  [key: string]: unknown;
}

export interface NewsdeskRetrieverInput extends BaseRetrieverInput {
  ranker: PassageRanker;
  /** The guild (Discord server, or `local`) whose articles are searched. */
  guildId: string;
  /** How many passages to return; 10 by default, as /ask reads. */
  k?: number;
}

/**
 * newsdesk's retrieval as a LangChain retriever, so that a LangChain chain can use a guild's
 * articles: the same ranking /ask uses, one Document per passage, best first.
 */
export class NewsdeskRetriever extends BaseRetriever<PassageMetadata> {
  lc_namespace = ['newsdesk', 'retrievers'];
  private readonly ranker: PassageRanker;
  private readonly guildId: string;
  private readonly k: number;

  constructor(fields: NewsdeskRetrieverInput) {
    const { ranker, guildId, k, ...base } = fields;
    super(base);
    this.ranker = ranker;
    this.guildId = guildId;
    this.k = k ?? 10;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PassageMetadata>[]> {
    const { passages } = await this.ranker.rank(this.guildId, query, this.k);
    return passages.map(
      ({ passage }) =>
        new Document<PassageMetadata>({
          pageContent: passage.text,
          metadata: {
            passageId: passage.id,
            articleId: passage.articleId,
            title: passage.article.title,
            source: passage.article.source,
            url: passage.article.url,
            publishedAt: passage.article.publishedAt,
          },
        }),
    );
  }
}
