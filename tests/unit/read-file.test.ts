import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { decodeText, parseDocument, readArticleFile } from '../../src/ingest/read-file.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
afterAll(temp.remove);

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(temp.dir, name);
  writeFileSync(target, content);
  return target;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidInputError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('reading article files', () => {
  it('takes the first line of a text file as its title', async () => {
    const [article] = await readArticleFile(file('a.txt', 'Storm hits coast\n\nThe storm made landfall on Monday.'));
    expect(article?.title).toBe('Storm hits coast');
    expect(article?.body.trim()).toBe('The storm made landfall on Monday.');
  });

  it('reads "Title:", "Source:" and "Date:" lines opening a text file as its fields', async () => {
    const text =
      'Title: Ferry strike ends\nSource: Coast Herald\nDate: 2026-11-28\n\nFerry workers returned to work on Friday.';
    const [article] = await readArticleFile(file('headers.txt', text));
    expect(article).toMatchObject({ title: 'Ferry strike ends', source: 'Coast Herald' });
    expect(article?.publishedAt).toMatch(/^2026-11-28/);
    expect(article?.body.trim()).toBe('Ferry workers returned to work on Friday.');
    // A headline that happens to hold a colon is still the headline.
    const [plain] = await readArticleFile(file('colon.txt', 'Update: council meets on Friday\n\nThe council meets.'));
    expect(plain?.title).toBe('Update: council meets on Friday');
  });

  it('reads Markdown with front matter and strips the markup', async () => {
    const markdown =
      '---\ntitle: Rates held\nsource: Example Wire\nurl: https://wire.example/rates\ndate: 2023-11-01\n---\n# Ignored heading\n\nThe **central bank** kept [rates](https://x.example) at 5%.';
    const [article] = await readArticleFile(file('b.md', markdown));
    expect(article).toMatchObject({ title: 'Rates held', source: 'Example Wire', url: 'https://wire.example/rates' });
    expect(article?.publishedAt).toMatch(/^2023-11-01/);
    expect(article?.body).toContain('The central bank kept rates at 5%.');
  });

  it('extracts the article, outlet, author, date and canonical url from an HTML page', async () => {
    const [article] = await readArticleFile(path.join('tests/fixtures/outlet-article.html'));
    expect(article?.title).toBe('Port strike ends after deal on wages');
    expect(article?.source).toBe('The Harbour Times');
    expect(article?.author).toBe('Jane Reporter');
    expect(article?.publishedAt).toBe('2023-10-04T09:30:00Z');
    expect(article?.url).toBe('https://harbour.example/news/port-strike-ends?utm_source=rss');
    expect(article?.body).toContain('pay offer of 7 percent');
    expect(article?.body).not.toContain('Ten recipes');
    expect(article?.body).not.toContain('window.analytics');
  });

  it('reads a JSON array shaped like the MultiHop-RAG corpus', async () => {
    const json = JSON.stringify([
      {
        title: 'One',
        author: 'None',
        source: 'Wire',
        published_at: '2023-10-01T00:00:00+00:00',
        category: 'business',
        url: 'https://w.example/1',
        body: 'Body one.',
      },
      { title: 'Two', source: 'Wire', body: 'Body two.' },
    ]);
    const articles = await readArticleFile(file('c.json', json));
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({ title: 'One', author: undefined, category: 'business' });
  });

  it.each([
    ['an empty file', 'empty.txt', '', 'empty-file'],
    ['a file of blanks', 'blank.txt', '  \n\n ', 'empty-file'],
    ['a binary file', 'image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]), 'binary-file'],
    ['an unknown extension', 'data.xlsx', 'whatever', 'unsupported-type'],
    ['JSON that does not parse', 'broken.json', '[{"title": ', 'invalid-json'],
    ['JSON of the wrong shape', 'shape.json', '[{"headline": "x"}]', 'invalid-article'],
    ['an empty JSON list', 'list.json', '[]', 'empty-file'],
  ])('refuses %s with a clear message', async (_label, name, content, code) => {
    expect(await codeOf(readArticleFile(file(name, content)))).toBe(code);
  });

  it('refuses a path that does not exist', async () => {
    expect(await codeOf(readArticleFile(path.join(temp.dir, 'missing.txt')))).toBe('file-not-found');
  });

  it('decodes Windows-1252 text that is not valid UTF-8', () => {
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]), 'x')).toBe('café “ok”');
  });

  it('names the unsupported type in its message', () => {
    expect(() => parseDocument('x', '.pdf', 'report.pdf')).toThrow(/report\.pdf: unsupported file type "\.pdf"/);
  });
});
