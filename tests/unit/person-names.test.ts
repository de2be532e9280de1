import { describe, expect, it } from 'vitest';
import { personLikeness, placeOrOrganization } from '../../src/text/person-names.js';

describe('personLikeness', () => {
  it.each([
    [['Emma', 'Tammi'], undefined, 'person'],
    [['Jean', '-', 'Claude', 'Blanc'], undefined, 'person'],
    [['Principal', 'Chief', 'Chuck', 'Hoskin', 'Jr'], undefined, 'person'],
    [['Will', 'Smith'], undefined, 'person'],
    [['Okafor'], 'Dr.', 'person'],
    [['Grand', 'Theft', 'Auto'], undefined, 'not'],
    [['Super', 'League'], undefined, 'not'],
    [['Manchester', 'United'], undefined, 'not'],
    [['Satya', 'Nadella'], undefined, 'unknown'],
    [['Eras', 'Tour'], undefined, 'unknown'],
  ] as const)('%j (after %s) reads as %s', (words, before, expected) => {
    expect(personLikeness(words, before)).toBe(expected);
  });
});

describe('placeOrOrganization', () => {
  it.each([
    [['Seattle'], 'place'],
    [['Baltimore', ',', 'Maryland'], 'place'],
    [['YouTube'], 'organization'],
    [['Kiel', 'University'], 'organization'],
    [['Cohen', '&', 'Gresser', 'LLP'], 'organization'],
    [['Manchester', 'United'], 'unknown'],
    [['Caribbean'], 'unknown'],
  ] as const)('%j names a %s', (words, expected) => {
    expect(placeOrOrganization(words)).toBe(expected);
  });
});
