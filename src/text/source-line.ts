// How a source is named on one line, the same in Discord and in the terminal.

/** A date as the reader sees it, e.g. "26 Jan 2022". */
export function formatDate(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "Outlet, 26 Jan 2022" from whatever of the two is known. */
export function byline(article: { source: string | null; publishedAt: string | null }): string {
  return [article.source, formatDate(article.publishedAt)].filter(Boolean).join(', ');
}
