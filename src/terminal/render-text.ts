import { type Answer, asOfLine } from '../answer/answer.js';
import type { IngestOutcome } from '../ingest/ingest-service.js';
import type { SourcesPage } from '../newsdesk.js';
import type { StoredArticle } from '../store/article-store.js';
import { counted } from '../text/counted.js';
import { byline } from '../text/source-line.js';

/** An answer and its numbered sources as plain text for a terminal. */
export function renderAnswerText(answer: Answer, now = new Date()): string {
  // The found answer opens the reply in bold in Discord; a terminal shows it without the Markdown.
  const text = answer.span ? answer.answer.replace(/^\*\*(.+?)\*\* /, '$1 ') : answer.answer;
  if (answer.abstained && answer.citations.length === 0) return text;
  const sources = answer.citations.map((citation) => {
    const where = byline(citation);
    return `[${citation.n}] ${citation.title}${where ? ` (${where})` : ''}${citation.url ? `\n    ${citation.url}` : ''}`;
  });
  const writer = answer.writtenBy
    ? `\n\n(Written by ${answer.writtenBy}; every citation was checked against its article.)`
    : '';
  const asOf = asOfLine(answer, now);
  return `${text}\n\n${asOf ? `${asOf}\n\n` : ''}${answer.notStated ? 'Closest source' : 'Sources'}:\n${sources.join('\n')}${writer}`;
}

function articleLine(article: StoredArticle): string {
  const where = byline(article);
  return `${article.id}  ${article.title}${where ? ` (${where})` : ''} · ${counted(article.passageCount, 'passage')}`;
}

/** A page of the article list as plain text. */
export function renderSourcesText(page: SourcesPage, query?: string): string {
  // "No articles yet" only when there are none: a search that finds nothing says so.
  if (page.total === 0) return query ? `No articles here match "${query}".` : 'No articles yet.';
  const lines = page.articles.map(articleLine);
  return `${lines.join('\n')}\n(${counted(page.total, 'article')}, page ${page.page} of ${page.pages})`;
}

/** One line per ingest outcome, and a total. */
export function renderIngestText(outcomes: readonly IngestOutcome[]): string {
  const lines = outcomes.map((outcome) =>
    outcome.status === 'failed'
      ? `✗ ${outcome.error.message}`
      : `✓ ${(outcome.status === 'unchanged' ? 'already here, unchanged' : outcome.status).padEnd(9)} ${outcome.article.id}  ${outcome.article.title} (${counted(outcome.passageCount, 'passage')})`,
  );
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
  const stored = outcomes.length - failed;
  lines.push(`${counted(stored, 'article')} stored, ${failed} failed.`);
  return lines.join('\n');
}
