import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import type { ArticleInput } from './article.js';

type HtmlDocument = ReturnType<typeof Linkedom.parseHTML>['document'];

let linkedom: typeof Linkedom | undefined;

/**
 * Parse HTML with linkedom, loaded on first use: its import takes about 0.1 s, which every
 * `npm run ask` and `sources` would pay without ever reading a page. Its CommonJS build is
 * required so that parsing stays synchronous.
 */
function parseHTML(html: string): ReturnType<typeof Linkedom.parseHTML> {
  linkedom ??= createRequire(import.meta.url)('linkedom') as typeof Linkedom;
  return linkedom.parseHTML(html);
}

// Captions are left out: they describe a picture the reader cannot see, and often repeat the text.
const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td';

function meta(document: HtmlDocument, ...names: string[]): string | undefined {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

function jsonLdField(document: HtmlDocument, field: 'datePublished' | 'headline' | 'author'): string | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const parsed: unknown = JSON.parse(script.textContent ?? '');
      const nodes = Array.isArray(parsed)
        ? parsed
        : [parsed, ...((parsed as { '@graph'?: unknown[] })?.['@graph'] ?? [])];
      for (const node of nodes) {
        if (!node || typeof node !== 'object') continue;
        const value = (node as Record<string, unknown>)[field];
        if (typeof value === 'string' && value.trim()) return value.trim();
        if (value && typeof value === 'object' && 'name' in value && typeof value.name === 'string') return value.name;
      }
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources of metadata still apply.
    }
  }
  return undefined;
}

/** Paragraph text of an HTML fragment, one block element per paragraph. */
function blocksToText(html: string): string {
  // Inline elements side by side (<span>By X</span><span>Oct 17</span>) must not run together.
  const spaced = html.replace(/<\/(span|time|a|b|strong|em)>(?=<(span|time|a|b|strong|em)\b)/gi, '</$1> ');
  const { document } = parseHTML(`<!doctype html><html><body>${spaced}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCK_SELECTOR)]
    // Nested blocks (a <p> inside an <li>) would otherwise be read twice.
    .filter((element) => !element.parentElement?.closest(BLOCK_SELECTOR))
    .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
  if (blocks.length > 0) return blocks.join('\n\n');
  return (document.body?.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
}

/** Extract the main article of an HTML page with Mozilla's Readability: title, byline, outlet, date, canonical URL and text. */
export function extractArticleFromHtml(html: string, pageUrl?: string): ArticleInput {
  const { document } = parseHTML(html);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  const publishedAt =
    meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'DC.date.issued') ??
    jsonLdField(document, 'datePublished') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  const metaTitle = meta(document, 'og:title', 'twitter:title') ?? jsonLdField(document, 'headline');
  const siteName = meta(document, 'og:site_name', 'application-name');
  const metaAuthor = meta(document, 'author', 'article:author') ?? jsonLdField(document, 'author');

  // Readability mutates the document it is given, so the metadata above is read first.
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  const body = parsed?.content ? blocksToText(parsed.content) : blocksToText(html);
  let resolvedUrl: string | undefined;
  try {
    resolvedUrl = canonical ? new URL(canonical, pageUrl).toString() : pageUrl;
  } catch {
    resolvedUrl = pageUrl;
  }
  return {
    title: (parsed?.title || metaTitle || document.title || '').trim(),
    body,
    source: parsed?.siteName ?? siteName ?? undefined,
    author: parsed?.byline?.replace(/^by\s+/i, '').trim() || metaAuthor || undefined,
    url: resolvedUrl,
    publishedAt: parsed?.publishedTime ?? publishedAt,
  };
}
