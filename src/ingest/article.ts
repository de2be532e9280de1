/** An article as it arrives, before cleaning: what a file, a URL or a moderator gave us. */
export interface ArticleInput {
  title: string;
  body: string;
  source?: string | undefined;
  author?: string | undefined;
  url?: string | undefined;
  /** An ISO date or a date written in words; parsed during preparation. */
  publishedAt?: string | undefined;
  category?: string | undefined;
  /** Where it came from, for messages: a file path, "text", a URL. */
  origin?: string | undefined;
}

/** A span of an article's cleaned body, the unit that is embedded and retrieved. */
export interface PassageDraft {
  seq: number;
  text: string;
  /** Character offsets into the cleaned body. */
  start: number;
  end: number;
}

/** An article cleaned, dated and split, ready to embed and store. */
export interface PreparedArticle {
  title: string;
  body: string;
  source: string | undefined;
  author: string | undefined;
  url: string | undefined;
  publishedAt: string | undefined;
  category: string | undefined;
  contentHash: string;
  passages: PassageDraft[];
  removedParagraphs: number;
}
