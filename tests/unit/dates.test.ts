import { describe, expect, it } from 'vitest';
import { findDateInText, parsePublishedDate } from '../../src/ingest/dates.js';

const now = new Date('2026-11-25T12:00:00Z');

describe('publication dates', () => {
  it('parses ISO dates from a field', () => {
    expect(parsePublishedDate('2023-11-27T08:45:59+00:00', now)?.toISOString()).toBe('2023-11-27T08:45:59.000Z');
  });

  it('finds a date written in words in the text', () => {
    const date = findDateInText('Reviewed by Your Destination on January 26, 2022 Rating: 5', now);
    expect(date?.getFullYear()).toBe(2022);
    expect(date?.getMonth()).toBe(0);
    expect(date?.getDate()).toBe(26);
  });

  it('ignores weekday-only and year-less mentions', () => {
    expect(findDateInText('Biden said on Tuesday he may deploy troops in March.', now)).toBeUndefined();
  });

  it('ignores relative phrases such as "two weeks earlier"', () => {
    expect(findDateInText('Growers began picking grapes two weeks earlier than usual.', now)).toBeUndefined();
  });

  it('refuses dates in the future', () => {
    expect(parsePublishedDate('2031-01-01T00:00:00Z', now)).toBeUndefined();
    expect(findDateInText('Embargoed until March 3, 2030.', now)).toBeUndefined();
  });

  it('returns undefined for garbage', () => {
    expect(parsePublishedDate('not a date', now)).toBeUndefined();
    expect(parsePublishedDate('', now)).toBeUndefined();
  });
});
