import { readFileSync } from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_FAILURE, ingestExitCode } from '../../src/cli.js';
import { FetchFailedError, InvalidInputError, type UserError } from '../../src/errors.js';
import { PageFetcher, USER_AGENT } from '../../src/ingest/fetch-page.js';
import { prepareArticle } from '../../src/ingest/prepare.js';
import { PageServer } from '../helpers/page-server.js';

const ARTICLE_HTML = readFileSync('tests/fixtures/outlet-article.html');
const PLAIN = 'Council approves new tram line\n\nThe city council approved the tram line on Tuesday by 31 votes to 12.';

describe('PageFetcher against a real local server', () => {
  let server: PageServer;
  /** The guard as in production, except that the local test server's address is let through. */
  const fetcher = new PageFetcher({ testOnlyAllowedAddresses: ['127.0.0.1'], timeoutMs: 1000 });

  beforeAll(async () => {
    server = await PageServer.start({
      '/article': { body: ARTICLE_HTML },
      '/plain': { headers: { 'content-type': 'text/plain' }, body: PLAIN },
      '/gzip': { headers: { 'content-encoding': 'gzip' }, body: zlib.gzipSync(ARTICLE_HTML) },
      '/latin': {
        headers: { 'content-type': 'text/plain; charset=windows-1252' },
        body: iconv.encode(
          'Café owners welcome the “new” rules\n\nThe rules take effect in March, owners said.',
          'win1252',
        ),
      },
      '/redirect-once': { status: 302, headers: { location: '/article' } },
      '/redirect-private': { status: 301, headers: { location: 'http://10.20.30.40/admin' } },
      '/redirect-metadata': { status: 307, headers: { location: 'http://169.254.169.254/latest/meta-data/' } },
      '/redirect-ipv6-loopback': { status: 302, headers: { location: 'http://[::1]/' } },
      '/loop': { status: 302, headers: { location: '/loop' } },
      '/pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.4' },
      '/image': { headers: { 'content-type': 'image/png' }, body: 'png' },
      '/missing-page': { status: 404, body: 'gone' },
      '/unavailable': { status: 503, body: 'down for maintenance' },
      '/huge': { headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(6 * 1024 * 1024) },
      '/outlets/broadcaster': { body: readFileSync('tests/fixtures/outlets/broadcaster-jsonld.html') },
      '/outlets/newspaper': { body: readFileSync('tests/fixtures/outlets/newspaper-time.html') },
      '/outlets/wire': { body: readFileSync('tests/fixtures/outlets/wire-og.html') },
      '/agent': (request) => ({
        headers: { 'content-type': 'text/plain' },
        body: `Agent\n\n${request.headers['user-agent']}`,
      }),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('fetches a page and extracts its article: title, outlet, author, date and canonical URL', async () => {
    const article = await fetcher.fetchArticle(server.url('/article'));
    expect(article).toMatchObject({
      title: 'Port strike ends after deal on wages',
      source: 'The Harbour Times',
      author: 'Jane Reporter',
      publishedAt: '2023-10-04T09:30:00Z',
      url: 'https://harbour.example/news/port-strike-ends?utm_source=rss',
    });
    expect(article.body).toContain('pay offer of 7 percent');
    expect(article.body).not.toContain('Most read');
  });

  it.each([
    {
      page: '/outlets/broadcaster',
      title: 'Flood defences to be raised along the estuary',
      source: 'Northern Broadcasting',
      date: '2023-11-14T06:02:11.000Z',
      url: 'https://www.northern-broadcasting.example/news/uk-67012345',
      first: 'Flood walls along the estuary will be raised by a metre',
      furniture: ['cookies', 'Most read', 'Celebrity chef', '14 November 2023', 'built in 1978', 'Copyright'],
    },
    {
      page: '/outlets/newspaper',
      title: 'Rail strike called off after late-night talks',
      source: 'The Daily Ledger',
      date: '2023-12-01T23:40:00.000Z',
      url: 'https://www.dailyledger.example/uk-news/2023/dec/01/rail-strike-called-off',
      first: 'A national rail strike planned for Monday has been called off',
      furniture: [
        'Support the Ledger',
        'Skip to main content',
        'Reuse this content',
        'Most viewed',
        'Quiz of the week',
      ],
    },
    {
      page: '/outlets/wire',
      title: 'Chipmaker to build $4 bln plant in Arizona, sources say',
      source: 'Wire Service',
      date: '2023-10-17T14:25:03.000Z',
      url: 'https://www.wire.example/technology/chipmaker-arizona-plant-2023-10-17',
      first: 'PHOENIX, Oct 17 (Wire) - A leading chipmaker plans',
      furniture: ['Sign up for the daily briefing', 'By Priya Nair', 'Updated ago', 'Editing by', 'Trust Principles'],
    },
  ])('extracts the article of an outlet layout ($page) and drops its furniture', async (expected) => {
    const input = await fetcher.fetchArticle(server.url(expected.page));
    const article = prepareArticle(input);
    expect(article).toMatchObject({
      title: expected.title,
      source: expected.source,
      publishedAt: expected.date,
      url: expected.url,
    });
    expect(article.body.startsWith(expected.first)).toBe(true);
    for (const text of expected.furniture) expect(article.body).not.toContain(text);
  });

  it('reads plain text, gzip-compressed pages and declared legacy charsets', async () => {
    expect((await fetcher.fetchArticle(server.url('/plain'))).title).toBe('Council approves new tram line');
    expect((await fetcher.fetchArticle(server.url('/gzip'))).title).toBe('Port strike ends after deal on wages');
    expect((await fetcher.fetchArticle(server.url('/latin'))).title).toBe('Café owners welcome the “new” rules');
  });

  it('follows a redirect and identifies itself with a clear User-Agent', async () => {
    expect((await fetcher.fetchArticle(server.url('/redirect-once'))).title).toBe(
      'Port strike ends after deal on wages',
    );
    expect((await fetcher.fetchArticle(server.url('/agent'))).body).toContain(USER_AGENT);
  });

  it('refuses the loopback address when the test allowance is not given', async () => {
    await expect(new PageFetcher().fetchArticle(server.url('/article'))).rejects.toThrow(
      'Refused to fetch 127.0.0.1: 127.0.0.1 is a loopback address.',
    );
  });

  it('checks every redirect: private, cloud metadata and IPv6 loopback targets are refused', async () => {
    await expect(fetcher.fetchArticle(server.url('/redirect-private'))).rejects.toThrow(
      '10.20.30.40 is a private network address',
    );
    await expect(fetcher.fetchArticle(server.url('/redirect-metadata'))).rejects.toThrow(
      '169.254.169.254 is a link-local address',
    );
    await expect(fetcher.fetchArticle(server.url('/redirect-ipv6-loopback'))).rejects.toThrow(
      '::1 is a loopback address',
    );
  });

  it('refuses a host when any of its addresses is private, before connecting', async () => {
    const resolved: string[] = [];
    const twoFaced = new PageFetcher({
      resolveHost: async (host) => {
        resolved.push(host);
        return [
          { address: '93.184.216.34', family: 4 },
          { address: '192.168.0.10', family: 4 },
        ];
      },
    });
    await expect(twoFaced.fetchArticle('http://news.example/story')).rejects.toThrow(
      'Refused to fetch news.example: 192.168.0.10 is a private network address.',
    );
    expect(resolved).toEqual(['news.example']);
  });

  it('connects to the address it checked, not to a second DNS answer', async () => {
    let lookups = 0;
    const pinned = new PageFetcher({
      testOnlyAllowedAddresses: ['127.0.0.1'],
      resolveHost: async () => {
        lookups += 1;
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    const port = new URL(server.url('/')).port;
    const article = await pinned.fetchArticle(`http://pinned.example:${port}/article`);
    expect(article.title).toBe('Port strike ends after deal on wages');
    expect(lookups).toBe(1);
  });

  it.each([
    ['file:///etc/passwd', 'Only http and https links can be added, not file.'],
    ['ftp://files.example/a.txt', 'Only http and https links can be added, not ftp.'],
    ['http://user:secret@news.example/', 'Links with a user name or password in them are refused.'],
    ['not a url', '"not a url" is not a URL.'],
  ])('refuses %s', async (url, message) => {
    await expect(fetcher.fetchArticle(url)).rejects.toThrow(message);
  });

  it('stops after five redirects', async () => {
    await expect(fetcher.fetchArticle(server.url('/loop'))).rejects.toThrow('The page redirected more than 5 times.');
  });

  it('refuses PDFs, images, error pages and pages over the size cap with a reason', async () => {
    await expect(fetcher.fetchArticle(server.url('/pdf'))).rejects.toThrow('That link is a PDF');
    await expect(fetcher.fetchArticle(server.url('/image'))).rejects.toThrow('That link is image/png');
    await expect(fetcher.fetchArticle(server.url('/missing-page'))).rejects.toThrow('The page answered HTTP 404.');
    await expect(fetcher.fetchArticle(server.url('/huge'))).rejects.toThrow('The page is larger than 5 MB.');
  });

  it('tells a failing site (5xx) apart from a wrong link (4xx): the first is a FetchFailedError, the CLI exits 1', async () => {
    const failing = await fetcher.fetchArticle(server.url('/unavailable')).catch((error: unknown) => error);
    expect(failing).toBeInstanceOf(FetchFailedError);
    expect((failing as Error).message).toBe('The page answered HTTP 503.');
    const missing = await fetcher.fetchArticle(server.url('/missing-page')).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(InvalidInputError);
    expect(missing).not.toBeInstanceOf(FetchFailedError);
    const exitCode = (error: unknown) =>
      ingestExitCode([{ origin: 'link', status: 'failed', error: error as UserError }]);
    expect([exitCode(failing), exitCode(missing)]).toEqual([EXIT_FAILURE, EXIT_BAD_INPUT]);
  });

  it('gives up on a server that does not answer in time', async () => {
    const quick = new PageFetcher({ testOnlyAllowedAddresses: ['127.0.0.1'], timeoutMs: 300 });
    // A server that accepts the request and never answers it.
    const neverAnswers = http.createServer(() => undefined);
    neverAnswers.listen(0, '127.0.0.1');
    await new Promise((resolve) => neverAnswers.once('listening', resolve));
    const { port } = neverAnswers.address() as { port: number };
    await expect(quick.fetchArticle(`http://127.0.0.1:${port}/`)).rejects.toThrow('did not answer within 0.3 s');
    await expect(quick.fetchArticle(`http://127.0.0.1:${port}/`)).rejects.toBeInstanceOf(FetchFailedError);
    neverAnswers.closeAllConnections();
    neverAnswers.close();
  });
});
