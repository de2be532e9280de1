import { describe, expect, it } from 'vitest';
import { indexTerms, stemOf } from '../../src/text/terms.js';

describe('indexTerms', () => {
  it.each([
    ['The strikes ended; workers returned.', ['the', 'strike', 'end', 'worker', 'return']],
    // Accents folded as SQLite's remove_diacritics does, whether composed or written with a combining mark.
    ['Café crème at the e\u0301te\u0301', ['cafe', 'creme', 'at', 'the', 'et']],
    ['naïve İstanbul', ['naiv', 'istanbul']],
    // A curly apostrophe separates words, as any punctuation does; a ligature folds to its letters.
    ['don’t “panic” ﬁnancial', ['don', 't', 'panic', 'financi']],
    ['Straße 2023 東京', ['straße', '2023', '東京']],
    ['', []],
  ])('reads %j as %j', (text, terms) => {
    expect(indexTerms(text)).toEqual(terms);
  });

  it('reduces a word alone as it does in a text', () => {
    expect(stemOf('Ferries')).toBe(indexTerms('the Ferries')[1]);
    expect(stemOf('café')).toBe('cafe');
  });
});
