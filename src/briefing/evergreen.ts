/**
 * Headlines of service journalism rather than news: guides, deal round-ups, reviews, listicles,
 * betting picks, "where to watch" and live-blog shells. These are how such pieces are titled in
 * any outlet, not a list of outlets or topics.
 */
const SERVICE_HEADLINE =
  /\b(?:best|deals|how to|guide|review|where to watch|live stream|tips|odds|predictions|builds|ranked|rankings|things to|what to know|everything (?:you need )?to know|explained|timeline|live score|live updates|lineups|betting|prop bets)\b|^\s*(?:the\s+)?\d+\s+\w+/i;

/** Whether an article's headline reads as an evergreen piece (a guide, a round-up, a review), not a report. */
export function readsAsEvergreen(headline: string): boolean {
  return SERVICE_HEADLINE.test(headline);
}

/** Whether a story is evergreen: most of its articles' headlines are service pieces. */
export function isEvergreenStory(headlines: readonly string[]): boolean {
  return headlines.filter(readsAsEvergreen).length * 2 > headlines.length;
}
