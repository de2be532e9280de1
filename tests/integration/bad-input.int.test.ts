import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import type { Newsdesk } from '../../src/newsdesk.js';
import { PageServer } from '../helpers/page-server.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const GUILD = 'guild-bad-input';
const WORDS = 'The harbour council met on Monday and agreed a new budget for the ferry and the cranes.';
const utf8 = (text: string) => new TextEncoder().encode(text);

/** One bad input: what is tried, and the message the user must get. */
interface BadInput {
  name: string;
  attempt: (desk: Newsdesk) => Promise<unknown>;
  message: RegExp;
}

describe('bad input: a clear message, and nothing stored is changed', () => {
  const temp = makeTempDir();
  let pages: PageServer;
  let newsdesk: Newsdesk;

  const file = (name: string, bytes: Uint8Array) => newsdesk.addArticles(GUILD, { file: { name, bytes } });
  const text = (value: string) => newsdesk.addArticles(GUILD, { text: value });
  const url = (value: string) => newsdesk.addArticles(GUILD, { url: value });

  const CASES: BadInput[] = [
    { name: 'empty text', attempt: () => text(''), message: /The text is empty/ },
    { name: 'white space only', attempt: () => text(' \n\t \n'), message: /The text is empty/ },
    { name: 'a title and no body', attempt: () => text('Just a headline'), message: /no article text/ },
    { name: 'too few words', attempt: () => text('Title\nThree words only.'), message: /fewer than 12 words/ },
    {
      name: 'huge pasted text',
      attempt: () => text(`Title\n${'word '.repeat(30_000)}`),
      message: /longer than 100000 characters/,
    },
    { name: 'empty file', attempt: () => file('empty.txt', new Uint8Array()), message: /is empty/ },
    {
      name: 'binary file named .txt',
      attempt: () => file('photo.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])),
      message: /binary file/,
    },
    {
      name: 'binary file named .html',
      attempt: () => file('page.html', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46])),
      message: /binary file/,
    },
    {
      name: 'UTF-16 text without a byte-order mark',
      attempt: () => file('utf16.txt', Uint8Array.from(Buffer.from(`Title\n${WORDS}`, 'utf16le'))),
      message: /binary file/,
    },
    {
      name: 'file over 25 MB',
      attempt: () => file('big.txt', new Uint8Array(25 * 1024 * 1024 + 1).fill(0x61)),
      message: /larger than 25 MB/,
    },
    { name: 'unsupported file type', attempt: () => file('setup.exe', utf8(WORDS)), message: /\.exe/ },
    {
      name: 'HTML that is only scripts',
      attempt: () =>
        file(
          'scripts.html',
          utf8('<html><head><script>var a = 1;</script></head><body><script>track()</script></body></html>'),
        ),
      message: /no article text/,
    },
    {
      name: 'HTML with only navigation',
      attempt: () =>
        file(
          'nav.html',
          utf8(
            '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2024</footer></body></html>',
          ),
        ),
      message: /no article text/,
    },
    {
      name: 'Markdown with only front matter',
      attempt: () => file('front.md', utf8('---\ntitle: Nothing here\nsource: Void\n---\n')),
      message: /no article text/,
    },
    {
      name: 'JSON that does not parse',
      attempt: () => file('broken.json', utf8('[{"title": "A", ')),
      message: /not valid JSON/,
    },
    {
      name: 'JSON of the wrong shape (an object)',
      attempt: () => file('object.json', utf8('{"articles": 3}')),
      message: /broken\.json|object\.json/,
    },
    {
      name: 'JSON with fields of the wrong type',
      attempt: () => file('types.json', utf8('[{"title": 5, "body": ["x"]}]')),
      message: /types\.json/,
    },
    {
      name: 'JSON with an empty list',
      attempt: () => file('none.json', utf8('[]')),
      message: /empty list of articles/,
    },
    {
      name: 'an article dated in the future',
      attempt: () =>
        file(
          'future.json',
          utf8(JSON.stringify([{ title: 'Tomorrow', body: WORDS, published_at: '2099-01-01T00:00:00Z' }])),
        ),
      message: /dated 2099-01-01, which is in the future/,
    },
    { name: 'a link that is not a link', attempt: () => url('not a url'), message: /"not a url" is not a URL/ },
    { name: 'a file: link', attempt: () => url('file:///etc/passwd'), message: /http/ },
    {
      name: 'a link with credentials',
      attempt: () => url('https://user:secret@news.example/story'),
      message: /credentials|user name/,
    },
    {
      name: 'a link to cloud metadata',
      attempt: () => url('http://169.254.169.254/latest/meta-data/'),
      message: /link-local|not allowed|private/,
    },
    {
      name: 'a link to a private network',
      attempt: () => url('http://10.0.0.5/admin'),
      message: /private|not allowed/,
    },
    { name: 'a PDF link', attempt: () => url(pages.url('/report.pdf')), message: /PDF/ },
    {
      name: 'a page of the wrong content type',
      attempt: () => url(pages.url('/image')),
      message: /image\/png|content type|not a web page/i,
    },
    {
      name: 'a feed that is not a feed',
      attempt: () => newsdesk.feeds.add(GUILD, pages.url('/page')),
      message: /not an RSS or Atom feed/,
    },
    { name: 'an empty question', attempt: () => newsdesk.ask(GUILD, '   '), message: /The question is empty/ },
    {
      name: 'a question of 10,000 characters',
      attempt: () => newsdesk.ask(GUILD, `${'why '.repeat(2499)}now?`),
      message: /10,000 characters long; keep it under 1,000/,
    },
    {
      name: 'a briefing of 0 hours',
      attempt: () => newsdesk.briefing(GUILD, { hours: 0 }),
      message: /between 1 and 168 hours/,
    },
    {
      name: 'a briefing of a year',
      attempt: () => newsdesk.briefing(GUILD, { hours: 24 * 365 }),
      message: /between 1 and 168 hours/,
    },
    {
      name: 'a briefing time of 25:99',
      attempt: async () => newsdesk.settings.update(GUILD, { briefingTime: '25:99' }),
      message: /not a time of day/,
    },
    {
      name: 'an unknown time zone',
      attempt: async () => newsdesk.settings.update(GUILD, { timeZone: 'Mars/Olympus_Mons' }),
      message: /time zone/,
    },
    {
      name: 'removing an article that is not there',
      attempt: async () => newsdesk.removeArticle(GUILD, 'ffffffff'),
      message: /No article "ffffffff" here/,
    },
    {
      name: 'removing a feed that is not there',
      attempt: async () => newsdesk.feeds.remove(GUILD, '999'),
      message: /999/,
    },
  ];

  /** Everything stored for the guild, to compare before and after. */
  const snapshot = () => ({
    articles: newsdesk.listSources(GUILD, { pageSize: 1000 }),
    audit: newsdesk.library.audit(GUILD),
    feeds: newsdesk.feeds.list(GUILD),
    settings: newsdesk.settings.get(GUILD),
  });

  beforeAll(async () => {
    pages = await PageServer.start({
      '/report.pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7' },
      '/image': { headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
      '/page': { body: `<html><body><article><h1>Not a feed</h1><p>${WORDS}</p></article></body></html>` },
    });
    newsdesk = await openRealNewsdesk(temp.dir, { localPages: true });
    await newsdesk.addArticles(GUILD, { text: `Harbour budget agreed\n${WORDS}` });
  });
  afterAll(async () => {
    newsdesk.close();
    await pages.close();
    temp.remove();
  });

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  for (const entry of CASES) {
    it(entry.name, async () => {
      const before = snapshot();
      const error = await entry.attempt(newsdesk).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(isUserError(error), `${entry.name}: ${String(error)}`).toBe(true);
      const message = (error as Error).message;
      expect(message).toMatch(entry.message);
      // Short enough for an ephemeral Discord reply, and no stack or internals in it.
      expect(message.length).toBeLessThan(300);
      expect(message).not.toMatch(/\bat .+:\d+:\d+|Error:/);
      expect(snapshot()).toEqual(before);
    });
  }
});
