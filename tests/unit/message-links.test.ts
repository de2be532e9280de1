import { describe, expect, it } from 'vitest';
import { linksIn, MAX_MESSAGE_LINKS } from '../../src/discord/message-links.js';

describe('linksIn', () => {
  it.each([
    ['Read https://news.example/a.', ['https://news.example/a']],
    ['no preview: <https://news.example/b?id=3>', ['https://news.example/b?id=3']],
    [
      '[the story](https://news.example/c) and (https://news.example/d)',
      ['https://news.example/c', 'https://news.example/d'],
    ],
    ['twice https://news.example/e, https://news.example/e!', ['https://news.example/e']],
    ['“https://news.example/f”', ['https://news.example/f']],
    ['no link here, just www.example and ftp://files.example', []],
  ])('%s', (content, links) => {
    expect(linksIn(content)).toEqual(links);
  });

  it(`keeps at most ${MAX_MESSAGE_LINKS}`, () => {
    const content = Array.from({ length: 15 }, (_, index) => `https://news.example/${index}`).join(' ');
    expect(linksIn(content)).toHaveLength(MAX_MESSAGE_LINKS);
  });
});
