import { describe, expect, it } from 'vitest';
import { findNamedSources, interleave } from '../../src/retrieve/named-sources.js';

const sources = ['The Verge', 'TechCrunch', 'Fortune', 'BBC News', 'BBC', 'The Age'];

describe('findNamedSources', () => {
  it('finds the outlets a question names, in the order it names them', () => {
    expect(findNamedSources('Did TechCrunch and The Verge both report the FTX verdict?', sources)).toEqual([
      'TechCrunch',
      'The Verge',
    ]);
  });

  it('matches names case-sensitively on word boundaries', () => {
    expect(findNamedSources('Who made a fortune in real estate, according to Fortune?', sources)).toEqual(['Fortune']);
    expect(findNamedSources('What is the average age of voters?', sources)).toEqual([]);
    expect(findNamedSources('TechCrunchy gadgets', sources)).toEqual([]);
  });

  it('lets "the" be left out and prefers the longer of two nested names', () => {
    expect(findNamedSources('as Verge reported', sources)).toEqual(['The Verge']);
    expect(findNamedSources('according to BBC News', sources)).toEqual(['BBC News']);
  });
});

describe('interleave', () => {
  it('takes one from each list in turn without repeats', () => {
    expect(interleave([[1, 2, 3], [4, 1, 5], [6]])).toEqual([1, 4, 6, 2, 3, 5]);
  });
});
