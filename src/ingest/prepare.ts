import { createHash } from 'node:crypto';
import { InvalidInputError } from '../errors.js';
import { countWords, foldForComparison } from '../text/terms.js';
import type { ArticleInput, PreparedArticle } from './article.js';
import { type ChunkOptions, DEFAULT_CHUNK_OPTIONS, splitIntoPassages } from './chunk.js';
import { cleanArticleText } from './clean.js';
import { findDateInText, futureFieldDate, parsePublishedDate } from './dates.js';
import { normalizeArticleUrl } from './url.js';

/** An article with fewer words than this after cleaning is not worth indexing. */
export const MIN_ARTICLE_WORDS = 12;
export const MAX_TITLE_CHARS = 300;

function oneLine(value: string | undefined, maxLength: number): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

/** Clean, date and split one article; throws InvalidInputError when there is nothing to index. */
export function prepareArticle(
  input: ArticleInput,
  chunkOptions: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
): PreparedArticle {
  const origin = input.origin ?? 'The article';
  const title = oneLine(input.title, MAX_TITLE_CHARS);
  const cleaned = cleanArticleText(input.body, title);
  if (countWords(cleaned.text) < MIN_ARTICLE_WORDS) {
    throw new InvalidInputError(
      'no-text',
      `${origin} has no article text to index (fewer than ${MIN_ARTICLE_WORDS} words after cleaning).`,
    );
  }
  // A stated date in the future is a mistake, and would keep the article at the top of every briefing.
  const future = futureFieldDate(input.publishedAt);
  if (future) {
    throw new InvalidInputError(
      'future-date',
      `${origin} is dated ${future.toISOString().slice(0, 10)}, which is in the future. Fix its date and add it again.`,
    );
  }
  const published =
    parsePublishedDate(input.publishedAt) ?? findDateInText(input.body) ?? (title ? findDateInText(title) : undefined);
  const passages = splitIntoPassages(cleaned.text, chunkOptions);
  const fallbackTitle = oneLine(cleaned.text.split(/[.!?\n]/)[0], 120) ?? 'Untitled';
  return {
    title: title ?? fallbackTitle,
    body: cleaned.text,
    source: oneLine(input.source, 100),
    author: oneLine(input.author, 200),
    url: normalizeArticleUrl(input.url),
    publishedAt: published?.toISOString(),
    category: oneLine(input.category, 60),
    contentHash: createHash('sha256').update(foldForComparison(cleaned.text)).digest('hex'),
    passages,
    removedParagraphs: cleaned.removedBoilerplate + cleaned.removedDuplicates,
  };
}
