import { createRequire } from 'node:module';

/** Whether a proper-noun run reads as a person's name: by its given or family name, or by its words. */
export type PersonLikeness = 'person' | 'unknown' | 'not';

type Lexicon = Record<string, string | string[]>;

/** compromise's lexicon tags that mark a word as part of a person's name. */
const GIVEN_NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'Person']);
const FAMILY_NAME_TAGS = new Set(['LastName', 'Person']);
/** Tags of ordinary words only: a word with one of these and no name tag is not a name by itself. */
const ORDINARY_TAGS = new Set([
  'Adjective',
  'Singular',
  'Plural',
  'Uncountable',
  'Noun',
  'Infinitive',
  'PresentTense',
  'PastTense',
  'Gerund',
  'Comparative',
  'Superlative',
]);
const PLACE_TAGS = new Set(['City', 'Country', 'Place', 'Region']);
const ORGANIZATION_TAGS = new Set(['Organization', 'SportsTeam']);
/** Tags of ordinary words and of places, teams and firms: a run that opens with one names a thing ("Grand Theft Auto", "Super League"). */
const COMMON_WORD_TAGS = new Set([
  ...ORDINARY_TAGS,
  ...PLACE_TAGS,
  ...ORGANIZATION_TAGS,
  'Demonym',
  'Currency',
  'Unit',
  'Duration',
  'Cardinal',
  'TextValue',
]);
/** Tags that make a word a name: a person's, a place's or an organization's. */
const NAME_TAGS = new Set([...GIVEN_NAME_TAGS, ...FAMILY_NAME_TAGS, ...PLACE_TAGS, ...ORGANIZATION_TAGS]);

let lexicon: Lexicon | undefined;

/**
 * compromise's word lexicon (its 3,000 given names, 900 family names and honorifics among 24k
 * words), loaded on first use: only person and organization questions read it. The CommonJS build
 * is required synchronously so the answer path stays synchronous.
 */
function lexiconWords(): Lexicon {
  if (!lexicon) {
    const nlp = createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: Lexicon } } };
    lexicon = nlp.model().one.lexicon;
  }
  return lexicon;
}

function tagsOf(word: string): readonly string[] {
  const tags = lexiconWords()[word];
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags;
}

const hasTag = (word: string, tags: ReadonlySet<string>) => tagsOf(word).some((tag) => tags.has(tag));

/**
 * How much a run of capitalised words ("Emma Tammi", "Grand Theft Auto") reads as a person's name:
 * a known given name in it, a known family name at its end or an honorific before it ("Mr",
 * "Dr") make it a person; a first word that is an ordinary word or a place, with no name in the
 * run, makes it a thing. Names the lexicon does not know ("Satya Nadella") stay unknown.
 */
export function personLikeness(words: readonly string[], wordBefore?: string): PersonLikeness {
  const lower = words.map((word) => word.toLowerCase()).filter((word) => /\p{L}/u.test(word));
  const first = lower[0];
  const last = lower[lower.length - 1];
  if (first === undefined || last === undefined) return 'unknown';
  if (wordBefore !== undefined && tagsOf(wordBefore.toLowerCase().replace(/\.$/, '')).includes('Honorific'))
    return 'person';
  // Any word but the last may be the given name: "Jean-Claude Blanc", "Principal Chief Chuck Hoskin".
  if (lower.slice(0, -1).some((word) => hasTag(word, GIVEN_NAME_TAGS)) || hasTag(last, FAMILY_NAME_TAGS))
    return 'person';
  return hasTag(first, COMMON_WORD_TAGS) ? 'not' : 'unknown';
}

/** What a name that is not a person's names, by its words: a place, an organization, or unknown. */
export type PlaceOrOrganization = 'place' | 'organization' | 'unknown';

/** Whether a word names a people ("American", "Hungarian-American"), by compromise's lexicon. */
export function isDemonym(word: string): boolean {
  const parts = word.toLowerCase().split('-');
  return parts.every((part) => tagsOf(part).includes('Demonym'));
}

/** Whether a noun names a kind of person in compromise's lexicon ("golfer", "quarterback", "chef"). */
export function isPersonNoun(word: string): boolean {
  const lower = word.toLowerCase();
  return tagsOf(lower).includes('Actor') || (lower.endsWith('s') && tagsOf(lower.slice(0, -1)).includes('Actor'));
}

/**
 * Whether a capitalised word is an ordinary word in compromise's lexicon and no name ("Gun" opening
 * "Gun import Jordon Crawford …"): at a sentence's start, capitals say nothing.
 */
export function isOrdinaryWord(word: string): boolean {
  const lower = word.toLowerCase();
  return hasTag(lower, ORDINARY_TAGS) && !hasTag(lower, NAME_TAGS);
}
/** Whether compromise's lexicon holds a word as a given name ("John", "Michael"). */
export function isGivenName(word: string): boolean {
  return hasTag(word.toLowerCase(), GIVEN_NAME_TAGS);
}
/** Whether compromise's lexicon holds a word as a name: a given or family name, a place, an organization. */
export function isLexiconName(word: string): boolean {
  return hasTag(word.toLowerCase(), NAME_TAGS);
}
/** Last words that make a run an organization's name ("Kiel University", "Cohen & Gresser LLP"). */
const ORGANIZATION_HEADS = new Set([
  'agency',
  'association',
  'bank',
  'club',
  'co',
  'college',
  'commission',
  'company',
  'corp',
  'corporation',
  'council',
  'department',
  'fc',
  'foundation',
  'group',
  'inc',
  'institute',
  'llc',
  'llp',
  'ltd',
  'ministry',
  'party',
  'plc',
  'school',
  'society',
  'union',
  'university',
]);

/**
 * Whether a run of capitalised words names a place ("Seattle", "Baltimore, Maryland") or an
 * organization ("YouTube", "Kiel University"), by compromise's lexicon and the run's last word.
 * An organization's tag anywhere wins ("Google Maps" is Google's).
 */
export function placeOrOrganization(words: readonly string[]): PlaceOrOrganization {
  const lower = words.map((word) => word.toLowerCase().replace(/['’]s$/u, '')).filter((word) => /\p{L}/u.test(word));
  const last = lower[lower.length - 1];
  if (last === undefined) return 'unknown';
  if (ORGANIZATION_HEADS.has(last) || lower.some((word) => hasTag(word, ORGANIZATION_TAGS))) return 'organization';
  // The last word is the name's head: "Baltimore, Maryland" is a place, "Manchester United" is not.
  return hasTag(last, PLACE_TAGS) ? 'place' : 'unknown';
}
