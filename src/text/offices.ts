/**
 * Offices a report writes out where a question abbreviates them ("Chief Executive Officer Tony
 * Staffieri" for "who's the CEO"), longest first so "chief executive officer" is read whole.
 */
const SPELLED_OFFICES: readonly (readonly [readonly string[], string])[] = [
  [['chief', 'executive', 'officer'], 'ceo'],
  [['chief', 'financial', 'officer'], 'cfo'],
  [['chief', 'operating', 'officer'], 'coo'],
  [['chief', 'technology', 'officer'], 'cto'],
  [['chief', 'executive'], 'ceo'],
];

/** Where an office is written out in lower-cased tokens: the index of its last word and its abbreviation. */
export function spelledOffices(tokens: readonly string[]): { index: number; abbreviation: string }[] {
  const found: { index: number; abbreviation: string }[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    if (tokens[start] !== 'chief') continue;
    const match = SPELLED_OFFICES.find(([words]) => words.every((word, offset) => tokens[start + offset] === word));
    if (match) found.push({ index: start + match[0].length - 1, abbreviation: match[1] });
  }
  return found;
}
