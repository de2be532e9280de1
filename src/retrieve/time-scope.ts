import type { QuestionPeriod } from '../time/question-period.js';
import type { RankedPassage, Ranking } from './passage-ranker.js';

/** When an article counts as reported: its publication, else when it was added. */
function reportedAt(entry: RankedPassage): number {
  const { article } = entry.passage;
  return Date.parse(article.publishedAt ?? article.addedAt);
}

/** The passages kept, unless none would be (then the ranking stands, and the answer's date says how old it is). */
function keeping(ranking: Ranking, keep: (entry: RankedPassage) => boolean): Ranking {
  const kept = ranking.passages.filter(keep);
  return kept.length === 0 || kept.length === ranking.passages.length ? ranking : { ...ranking, passages: kept };
}

/**
 * A question about a period ("yesterday", "last week", "in November") is answered from the
 * period's reports only: other days' passages, ranked after them, would otherwise fill the answer.
 * The period is compared by UTC day, as the keyword index dates passages.
 */
export function withinPeriod(ranking: Ranking, period: QuestionPeriod): Ranking {
  const from = period.since.toISOString().slice(0, 10);
  const to = new Date(Math.max(period.since.getTime(), period.until.getTime() - 1)).toISOString().slice(0, 10);
  return keeping(ranking, (entry) => {
    const time = reportedAt(entry);
    if (Number.isNaN(time)) return false;
    const day = new Date(time).toISOString().slice(0, 10);
    return day >= from && day <= to;
  });
}

/** A question asked as of a moment (`--now`) is answered from what had been reported by then. */
export function reportedBy(ranking: Ranking, moment: Date): Ranking {
  return keeping(ranking, (entry) => !(reportedAt(entry) > moment.getTime()));
}

/** How near the newest relevant report another must be to answer a "latest" question with it. */
const SAME_NEWS_MS = 86_400_000;

/**
 * A question about the latest state, ranked newest first (`newestFirst`): answered from the newest
 * relevant report and those within a day of it, so that an older report's figure or turn of events
 * does not fill the answer.
 */
export function newestReports(ranking: Ranking): Ranking {
  const first = ranking.passages[0];
  if (!first) return ranking;
  const newest = reportedAt(first);
  if (Number.isNaN(newest)) return ranking;
  return keeping(ranking, (entry) => newest - reportedAt(entry) <= SAME_NEWS_MS);
}
