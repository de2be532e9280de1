import path from 'node:path';
import { InvalidInputError } from '../errors.js';
import type { ArticleInput } from './article.js';
import { parseDocumentBytes, parseTextArticle } from './read-file.js';

/** What a moderator may set by hand when adding an article; it wins over what the content says. */
export interface ArticleOverrides {
  title?: string | undefined;
  source?: string | undefined;
  author?: string | undefined;
  /** When it was written (a Discord message's time), as an ISO date. */
  publishedAt?: string | undefined;
}

/** Longest pasted text accepted (Discord's own option limit is 6,000 characters). */
export const MAX_PASTED_CHARS = 100_000;

/** Apply a moderator's title and outlet to articles read from some content. */
export function withOverrides(inputs: readonly ArticleInput[], overrides: ArticleOverrides): ArticleInput[] {
  const title = overrides.title?.trim();
  const source = overrides.source?.trim();
  const { author, publishedAt } = overrides;
  return inputs.map((input) => ({
    ...input,
    ...(author ? { author } : {}),
    ...(title ? { title } : {}),
    ...(source ? { source } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  }));
}

/** An article from pasted text: with a given title the whole text is the body, otherwise its first line is the title. */
export function pastedTextArticle(text: string, overrides: ArticleOverrides = {}): ArticleInput {
  if (text.trim() === '') throw new InvalidInputError('empty-text', 'The text is empty.');
  if (text.length > MAX_PASTED_CHARS) {
    throw new InvalidInputError('text-too-long', `The text is longer than ${MAX_PASTED_CHARS} characters.`);
  }
  const title = overrides.title?.trim();
  const input = title ? { title, body: text, origin: 'text' } : parseTextArticle(text, 'text', false);
  const [withTitle] = withOverrides([input], overrides);
  return withTitle ?? input;
}

/** Articles from an uploaded file, read by its name's extension like a file on disk. */
export function uploadedFileArticles(
  bytes: Uint8Array,
  fileName: string,
  overrides: ArticleOverrides = {},
): ArticleInput[] {
  const inputs = parseDocumentBytes(bytes, path.extname(fileName).toLowerCase(), fileName);
  return withOverrides(inputs, overrides);
}
