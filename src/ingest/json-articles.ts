import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import type { ArticleInput } from './article.js';

const nullableText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value) => {
    const text = value?.trim();
    return text && text.toLowerCase() !== 'none' && text.toLowerCase() !== 'null' ? text : undefined;
  });

/** One article in a JSON file, the shape of MultiHop-RAG's corpus.json (extra fields are ignored). */
const jsonArticleSchema = z.object({
  title: z.string().trim().min(1, 'title is empty'),
  body: z.string().trim().min(1, 'body is empty'),
  source: nullableText,
  author: nullableText,
  url: nullableText,
  published_at: nullableText,
  category: nullableText,
});

/** Parse a JSON document holding one article or an array of them; the message names the first bad item. */
export function parseJsonArticles(text: string, origin: string): ArticleInput[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError('invalid-json', `${origin} is not valid JSON.`, { cause: error });
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  if (items.length === 0) throw new InvalidInputError('empty-file', `${origin} holds an empty list of articles.`);
  return items.map((item, index) => {
    const result = jsonArticleSchema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') || 'item';
      throw new InvalidInputError(
        'invalid-article',
        `${origin}: article ${index + 1} is not an article (${field}: ${issue?.message ?? 'invalid'}). Expected title, body and optional source, author, url, published_at, category.`,
      );
    }
    const article = result.data;
    return {
      title: article.title,
      body: article.body,
      source: article.source,
      author: article.author,
      url: article.url,
      publishedAt: article.published_at,
      category: article.category,
      origin: `${origin}#${index + 1}`,
    };
  });
}
