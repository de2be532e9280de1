import type http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST_SPACING_MS } from '../../src/ingest/feeds.js';
import { PageFetcher } from '../../src/ingest/fetch-page.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { type PageRoute, PageServer } from '../helpers/page-server.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const GUILD = 'g1';
const MINUTE = 60_000;

interface Item {
  slug: string;
  title: string;
}

function rss(base: string, items: Item[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title><link>${base}/</link>
${items
  .map(
    (item) =>
      `<item><title>${item.title}</title><link>${base}/news/${item.slug}?utm_source=rss</link><guid>${base}/news/${item.slug}</guid>
<pubDate>Wed, 04 Oct 2023 09:30:00 GMT</pubDate><description>${item.title}. The harbour authority said the change takes effect next week for all ferry and cargo traffic in the bay.</description></item>`,
  )
  .join('\n')}</channel></rss>`;
}

function atom(base: string, items: Item[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title><id>${base}/atom</id>
${items
  .map(
    (item) =>
      `<entry><title>${item.title}</title><id>tag:valley,2023:${item.slug}</id><link href="${base}/news/${item.slug}"/><updated>2023-10-05T08:00:00Z</updated>
<summary>${item.title}. Growers in the valley said the early harvest was smaller but sweeter than last year.</summary></entry>`,
  )
  .join('\n')}</feed>`;
}

function page(title: string): string {
  return `<html><head><title>${title}</title><meta property="og:site_name" content="Harbour Wire"></head><body><article><h1>${title}</h1>
<p>${title}: officials confirmed the decision on Wednesday after a long meeting with residents and port workers.</p>
<p>The change affects ferry timetables, cargo handling and the opening hours of the harbour office for the rest of the year.</p></article></body></html>`;
}

describe('following feeds', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let newsdesk: Newsdesk;
  let server: PageServer;
  let rssItems: Item[];
  let requests: http.IncomingHttpHeaders[];
  let feedStatus: PageRoute | undefined;
  const sleeps: number[] = [];
  const model = fakeModel();
  const open = () =>
    Newsdesk.open(
      { dataDir: temp.dir, embedding: undefined as never },
      {
        model,
        fetcher: new PageFetcher({ testOnlyAllowedAddresses: ['127.0.0.1'] }),
        // Waits between requests to one host are recorded instead of slept.
        feedSleep: async (ms) => {
          sleeps.push(ms);
        },
      },
    );

  beforeEach(async () => {
    temp = makeTempDir();
    rssItems = [
      { slug: 'ferry', title: 'Ferry timetable changes in the bay' },
      { slug: 'office', title: 'Harbour office extends opening hours' },
    ];
    requests = [];
    feedStatus = undefined;
    server = await PageServer.start({
      '/rss': (request) => {
        requests.push(request.headers);
        if (feedStatus) return feedStatus;
        const etag = `"v${rssItems.length}"`;
        if (request.headers['if-none-match'] === etag) return { status: 304 };
        return { headers: { 'content-type': 'application/rss+xml', etag }, body: rss(server.url(''), rssItems) };
      },
      '/atom': () => ({
        headers: { 'content-type': 'application/atom+xml' },
        body: atom(server.url(''), [{ slug: 'harvest', title: 'Vineyards report an early harvest' }]),
      }),
      '/page': { body: page('Not a feed') },
      '/news/ferry': { body: page('Ferry timetable changes in the bay') },
      '/news/office': { body: page('Harbour office extends opening hours') },
      '/news/crane': { body: page('New crane arrives at the container terminal') },
      '/news/dredging': { status: 500 },
    });
    newsdesk = await open();
  });
  afterEach(async () => {
    newsdesk.close();
    await server.close();
    temp.remove();
  });

  it('follows an RSS feed without ingesting what it already shows, then ingests each new item once', async () => {
    const now = new Date();
    const { feed, items } = await newsdesk.feeds.add(GUILD, server.url('/rss'), now);
    expect(items).toBe(2);
    expect(feed.title).toBe('Harbour Wire');
    expect(newsdesk.listSources(GUILD).total).toBe(0);

    rssItems.push({ slug: 'crane', title: 'New crane arrives at the container terminal' });
    const [polled] = await newsdesk.feeds.pollDue(new Date(now.getTime() + 31 * MINUTE));
    expect(polled?.status).toBe('new-items');
    expect(polled?.outcomes.map((outcome) => outcome.status)).toEqual(['added']);
    const [article] = newsdesk.listSources(GUILD).articles;
    expect(article).toMatchObject({ title: 'New crane arrives at the container terminal', source: 'Harbour Wire' });
    expect(article?.url).toBe(server.url('/news/crane'));

    // A restart and a later poll find nothing new to ingest.
    newsdesk.close();
    newsdesk = await open();
    rssItems.push({ slug: 'dredging', title: 'Dredging of the channel begins' });
    const [again] = await newsdesk.feeds.pollDue(new Date(now.getTime() + 62 * MINUTE));
    expect(again?.outcomes.map((outcome) => (outcome.status === 'failed' ? 'failed' : outcome.article.title))).toEqual([
      'Dredging of the channel begins',
    ]);
    expect(newsdesk.listSources(GUILD).total).toBe(2);
  });

  it('ingests an item listed twice, or by two feeds, once', async () => {
    const now = new Date();
    await newsdesk.feeds.add(GUILD, server.url('/rss'), now);
    await newsdesk.feeds.add(GUILD, server.url('/rss?edition=uk'), now);
    const crane = { slug: 'crane', title: 'New crane arrives at the container terminal' };
    rssItems.push(crane, crane);
    const results = await newsdesk.feeds.pollDue(new Date(now.getTime() + 31 * MINUTE));
    const statuses = results.flatMap((result) => result.outcomes.map((outcome) => outcome.status));
    expect(statuses).toEqual(['added', 'unchanged']);
    expect(newsdesk.listSources(GUILD).total).toBe(1);
  });

  it('uses the feed text when the item page cannot be fetched', async () => {
    const now = new Date();
    await newsdesk.feeds.add(GUILD, server.url('/rss'), now);
    rssItems.push({ slug: 'dredging', title: 'Dredging of the channel begins' });
    const [polled] = await newsdesk.feeds.pollDue(new Date(now.getTime() + 31 * MINUTE));
    expect(polled?.outcomes[0]).toMatchObject({
      status: 'added',
      article: { title: 'Dredging of the channel begins' },
    });
    expect(
      newsdesk.library.getArticleBody(
        GUILD,
        polled?.outcomes[0]?.status === 'added' ? polled.outcomes[0].article.id : '',
      ),
    ).toContain('harbour authority said the change takes effect');
  });

  it('asks with the ETag and takes 304 Not Modified as nothing new', async () => {
    const now = new Date();
    await newsdesk.feeds.add(GUILD, server.url('/rss'), now);
    const [polled] = await newsdesk.feeds.pollDue(new Date(now.getTime() + 31 * MINUTE));
    expect(requests.at(-1)?.['if-none-match']).toBe('"v2"');
    expect(polled?.status).toBe('not-modified');
  });

  it('reads Atom feeds', async () => {
    const { feed, items } = await newsdesk.feeds.add(GUILD, server.url('/atom'));
    expect([feed.title, items]).toEqual(['Valley Post', 1]);
  });

  it('backs off after errors: as long as Retry-After asks, else doubling the interval', async () => {
    const now = new Date();
    const { feed } = await newsdesk.feeds.add(GUILD, server.url('/rss'), now);
    feedStatus = { status: 429, headers: { 'retry-after': '7200' } };
    const at = new Date(now.getTime() + 31 * MINUTE);
    const [limited] = await newsdesk.feeds.pollDue(at);
    expect(limited?.status).toBe('failed');
    expect(Date.parse(limited?.feed.nextPollAt ?? '') - at.getTime()).toBe(7200 * 1000);

    feedStatus = { status: 503 };
    const later = new Date(at.getTime() + 121 * MINUTE);
    const [unavailable] = await newsdesk.feeds.pollDue(later);
    expect(unavailable?.feed.failures).toBe(2);
    expect(Date.parse(unavailable?.feed.nextPollAt ?? '') - later.getTime()).toBe(60 * MINUTE);
    expect(newsdesk.feeds.list(GUILD)[0]).toMatchObject({
      id: feed.id,
      failures: 2,
      lastError: 'The page answered HTTP 503.',
    });

    feedStatus = undefined;
    const [recovered] = await newsdesk.feeds.pollDue(new Date(later.getTime() + 61 * MINUTE));
    expect(recovered?.status).not.toBe('failed');
    expect(newsdesk.feeds.list(GUILD)[0]).toMatchObject({ failures: 0, lastError: null });
  });

  it('spaces out requests to one host', async () => {
    const now = new Date();
    await newsdesk.feeds.add(GUILD, server.url('/rss'), now);
    await newsdesk.feeds.add(GUILD, server.url('/atom'), now);
    sleeps.length = 0;
    await newsdesk.feeds.pollDue(new Date(now.getTime() + 31 * MINUTE));
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(HOST_SPACING_MS - 1000);
  });

  it('refuses what is not a feed, a feed followed twice, and private addresses', async () => {
    await expect(newsdesk.feeds.add(GUILD, server.url('/page'))).rejects.toThrow(
      'That link is text/html, not an RSS or Atom feed.',
    );
    await newsdesk.feeds.add(GUILD, server.url('/rss'));
    await expect(newsdesk.feeds.add(GUILD, `${server.url('/rss')}?utm_source=x`)).rejects.toThrow('already follows');
    await expect(newsdesk.feeds.add(GUILD, 'http://10.1.1.1/rss')).rejects.toThrow(
      '10.1.1.1 is a private network address',
    );
    expect(newsdesk.feeds.list(GUILD)).toHaveLength(1);
  });

  it('removes a feed by its number, only in its own guild', async () => {
    const { feed } = await newsdesk.feeds.add(GUILD, server.url('/rss'));
    expect(() => newsdesk.feeds.remove('other-guild', String(feed.id))).toThrow('follows no feed');
    expect(newsdesk.feeds.remove(GUILD, String(feed.id)).url).toBe(feed.url);
    expect(newsdesk.feeds.list(GUILD)).toEqual([]);
  });
});
