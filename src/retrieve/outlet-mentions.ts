/** Nouns that name a piece of journalism, as in "an article by X" or "the X report". */
export const PIECE_NOUNS = 'article|report|piece|story|coverage|publication|editorial|review|column|feature|post';
const PIECE = `(?:${PIECE_NOUNS})s?`;
/** A capitalised name of a few words, with an optional leading "The" ("The Wall Street Journal"). */
const NAME = String.raw`((?:The\s+)?[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|of|and|&))*)`;
const QUOTE = `['‘"“]?`;
const PIECE_WORD = new RegExp(String.raw`\b${PIECE}\b`, 'i');
/**
 * The nouns that still mark a name before them as the publisher ("the CNN report"). "Review",
 * "feature", "story" or "post" after a name are about a product or event far more often ("the
 * Pixel 8 review", "an AI-powered DJ feature"), so they are not read as outlets in that position.
 */
const PUBLISHED_PIECE = '(?:article|report|piece|coverage|editorial|column)s?';

/** Phrasings that name the outlet a question is about. */
const OUTLET_PATTERNS = [
  new RegExp(String.raw`\b${PIECE}\s+(?:by|from|published by)\s+(?:the\s+)?${QUOTE}${NAME}`, 'g'),
  new RegExp(String.raw`\b${PIECE}\s+(?:in|published in)\s+${QUOTE}${NAME}`, 'g'),
  new RegExp(String.raw`${QUOTE}${NAME}['’"”]?\s+${PUBLISHED_PIECE}\b`, 'g'),
  new RegExp(String.raw`\b(?:reported|published|covered|stated|noted|mentioned)\s+(?:by|in)\s+${QUOTE}${NAME}`, 'g'),
  new RegExp(String.raw`\baccording to\s+(?:an?\s+)?(?:${PIECE}\s+(?:from|by|in)\s+)?${QUOTE}${NAME}`, 'g'),
];

const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

function comparable(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const SPEECH = '(?:said|says|told|testified|added|wrote|explained|recalled)';

/** Whether a text quotes `name` as a speaker: "Wang said", "said Wang", "Wang testified". */
export function quotesSpeaker(text: string, name: string): boolean {
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(String.raw`\b${escaped}\s+${SPEECH}\b|\b${SPEECH}\s+${escaped}\b`).test(text);
}

/** A possessive ("Google's report") or a month ("the October report") is not an outlet. */
function looksLikeOutlet(name: string): boolean {
  const trimmed = name.trim();
  if (/['’]s?$/.test(trimmed)) return false;
  return !MONTHS.has(trimmed.toLowerCase());
}

/**
 * Outlets the question attributes reporting to ("an article by Bloomberg", "the CNN report") that
 * match none of the outlets the library has articles from. Such a question cannot be answered
 * from this library, whatever the passages say. A name matches an outlet when either contains the
 * other ("CNBC" and "CNBC | World Business News Leader"). A name the library's headlines carry is
 * what its news is about, not who wrote it ("the IPCC report", "according to Eddy Cue"), so
 * `inHeadlines` lets it through; so does `quotedPerson` a bare "according to" name.
 */
export function unknownOutletMentions(
  question: string,
  knownSources: readonly string[],
  inHeadlines: (name: string) => boolean = () => false,
  /** Whether the articles found quote the name as a person who spoke. */
  quotedPerson: (name: string) => boolean = () => false,
): string[] {
  const known = knownSources.map(comparable).filter((source) => source.length > 1);
  const unknown = new Set<string>();
  for (const pattern of OUTLET_PATTERNS) {
    for (const match of question.matchAll(pattern)) {
      // "an article from The Guardian and a CNN report": the name stops before a trailing connector.
      const name = (match[1] ?? '').trim().replace(/(?:\s+(?:and|of|&))+$/, '');
      if (!looksLikeOutlet(name)) continue;
      const bare = comparable(name);
      if (bare === '' || known.some((source) => source.includes(bare) || bare.includes(source))) continue;
      if (inHeadlines(bare)) continue;
      // "according to Wang" (no article or report named) is as often a person the articles quote.
      if (/^according to/i.test(match[0]) && !PIECE_WORD.test(match[0]) && quotedPerson(name)) continue;
      unknown.add(name.replace(/['’"”]+$/, ''));
    }
  }
  return [...unknown];
}
