import { describe, expect, it } from 'vitest';
import { normalizeArticleUrl } from '../../src/ingest/url.js';

describe('normalizeArticleUrl', () => {
  it.each([
    ['https://Example.com/a/b/?utm_source=x&utm_medium=y#top', 'https://example.com/a/b'],
    ['https://example.com/a?b=2&a=1&fbclid=zz', 'https://example.com/a?a=1&b=2'],
    ['http://example.com/', 'http://example.com/'],
  ])('normalises %s', (raw, expected) => {
    expect(normalizeArticleUrl(raw)).toBe(expected);
  });

  it('rejects what is not an http(s) url', () => {
    expect(normalizeArticleUrl('ftp://example.com/x')).toBeUndefined();
    expect(normalizeArticleUrl('not a url')).toBeUndefined();
    expect(normalizeArticleUrl(undefined)).toBeUndefined();
  });
});
