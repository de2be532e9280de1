/**
 * A part of a guild's passages: those of one outlet, or published on one day, or on the days from
 * one to another (inclusive; UTC days, "YYYY-MM-DD").
 */
export interface PassageScope {
  source?: string | undefined;
  day?: string | undefined;
  days?: { from: string; to: string } | undefined;
}

/** Field weights of BM25 over (title, source, text): a word in the headline can count more. */
export interface KeywordWeights {
  title: number;
  source: number;
  text: number;
}

/** What the keyword index holds for one passage. */
export interface SearchableText {
  title: string;
  source: string | null;
  text: string;
  publishedAt: string | null;
}
