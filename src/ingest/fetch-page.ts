import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { FetchFailedError, InvalidInputError, UserError } from '../errors.js';
import { componentLogger } from '../logger.js';
import { addressRefusal } from './address-guard.js';
import type { ArticleInput } from './article.js';
import { extractArticleFromHtml } from './html.js';
import { decodeText, parseTextArticle } from './read-file.js';

const log = componentLogger('fetch');

export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
export const USER_AGENT = 'newsdesk/0.1 (news briefing bot; +https://github.com/newsdesk-bot/newsdesk)';
const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'];
/** What RSS and Atom feeds are served as in the wild. */
export const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/x-rss+xml',
  'application/xml',
  'text/xml',
];

/** A refused URL: the message names the reason. */
export class UrlRefusedError extends InvalidInputError {
  override readonly name: string = 'UrlRefusedError';
}

/** The server failed (5xx) or asked to slow down (429); `retryAfterSeconds` when it said when to come back. */
export class HttpStatusError extends FetchFailedError {
  override readonly name: string = 'HttpStatusError';
  constructor(
    readonly status: number,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super('fetch-failed', `The page answered HTTP ${status}.`);
  }
}

/** A DNS resolver in the shape of `dns.lookup(host, { all: true })`. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export interface PageFetcherOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  resolveHost?: ResolveHost;
  /**
   * Test only: addresses the guard lets through although they are not public (a test server on
   * 127.0.0.1). No environment variable sets this; only code that builds a PageFetcher itself can.
   */
  testOnlyAllowedAddresses?: readonly string[];
}

const systemResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

export interface FetchedDocument {
  url: string;
  contentType: string;
  text: string;
  etag: string | undefined;
  lastModified: string | undefined;
}

export interface FetchOptions {
  /** Content types accepted (default: web pages and plain text). */
  accept?: readonly string[];
  /** Conditional request validators from an earlier fetch. */
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/**
 * Fetches news pages for ingest with a guard against server-side request forgery: only http(s),
 * no credentials, every hop's host resolved and checked before connecting (and the connection
 * pinned to the checked address), a time limit, a size cap and a redirect limit.
 */
export class PageFetcher {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly resolveHost: ResolveHost;
  private readonly allowed: ReadonlySet<string>;

  constructor(options: PageFetcherOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
    this.maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
    this.resolveHost = options.resolveHost ?? systemResolve;
    this.allowed = new Set(options.testOnlyAllowedAddresses ?? []);
  }

  /** Fetch a page and extract its article (title, outlet, date, canonical URL, text). */
  async fetchArticle(rawUrl: string): Promise<ArticleInput> {
    const page = await this.fetchDocument(rawUrl);
    if (page.contentType === 'text/plain') {
      return { ...parseTextArticle(page.text, page.url, false), url: page.url, origin: page.url };
    }
    const article = extractArticleFromHtml(page.text, page.url);
    return { ...article, url: article.url ?? page.url, origin: page.url };
  }

  /** Fetch a text or HTML document, following at most `maxRedirects` redirects. */
  async fetchDocument(rawUrl: string, options: FetchOptions = {}): Promise<FetchedDocument> {
    const result = await this.fetchConditional(rawUrl, options);
    if (result === 'not-modified') throw new HttpStatusError(304, undefined);
    return result;
  }

  /** Like fetchDocument, but 'not-modified' when the validators show nothing changed (HTTP 304). */
  async fetchConditional(rawUrl: string, options: FetchOptions = {}): Promise<FetchedDocument | 'not-modified'> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    const accept = options.accept ?? PAGE_TYPES;
    const headers: Record<string, string> = {
      accept: accept.map((type, index) => (index === 0 ? type : `${type};q=0.8`)).join(','),
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    let url = checkUrl(rawUrl);
    for (let hop = 0; ; hop += 1) {
      const response = await this.request(url, signal, headers);
      if (response.statusCode === 304) {
        response.resume();
        return 'not-modified';
      }
      const location = response.headers.location;
      if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
        response.resume();
        if (hop >= this.maxRedirects) {
          throw new UrlRefusedError('too-many-redirects', `The page redirected more than ${this.maxRedirects} times.`);
        }
        url = checkUrl(new URL(location, url).toString());
        continue;
      }
      return await this.readDocument(url, response, signal, accept);
    }
  }

  private async request(url: URL, signal: AbortSignal, extraHeaders: Record<string, string>): Promise<IncomingMessage> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const address = isIP(host) ? { address: host, family: isIP(host) } : await this.resolveChecked(host);
    if (isIP(host)) this.checkAddress(host, host);
    const client = url.protocol === 'https:' ? https : http;
    return await new Promise<IncomingMessage>((resolve, reject) => {
      const request = client.request(
        url,
        {
          method: 'GET',
          signal,
          headers: { 'user-agent': USER_AGENT, 'accept-encoding': 'gzip, deflate, br', ...extraHeaders },
          // Connect to the address that was checked, so a second DNS answer cannot swap in another.
          lookup: (_hostname, options, callback) => {
            const all = (options as { all?: boolean }).all === true;
            if (all) (callback as (e: null, a: LookupAddress[]) => void)(null, [address]);
            else callback(null, address.address, address.family);
          },
        },
        resolve,
      );
      request.on('error', (error) => reject(describeNetworkError(error, url, this.timeoutMs)));
      request.end();
    });
  }

  private async resolveChecked(hostname: string): Promise<LookupAddress> {
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolveHost(hostname);
    } catch {
      throw new InvalidInputError('unknown-host', `The host ${hostname} could not be found.`);
    }
    if (addresses.length === 0) throw new InvalidInputError('unknown-host', `The host ${hostname} has no address.`);
    // Every address must pass: a host with one public and one private address is refused.
    for (const { address } of addresses) this.checkAddress(hostname, address);
    return addresses[0] as LookupAddress;
  }

  private checkAddress(hostname: string, address: string): void {
    if (this.allowed.has(address)) return;
    const refusal = addressRefusal(address);
    if (refusal) {
      throw new UrlRefusedError('blocked-address', `Refused to fetch ${hostname}: ${refusal}.`);
    }
  }

  private async readDocument(
    url: URL,
    response: IncomingMessage,
    signal: AbortSignal,
    accept: readonly string[],
  ): Promise<FetchedDocument> {
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      response.resume();
      // 4xx: the link is wrong (missing, private); 5xx and 429: the site is failing, not the link.
      if (status >= 500 || status === 429) {
        throw new HttpStatusError(status, retryAfterSeconds(response.headers['retry-after']));
      }
      throw new InvalidInputError('page-refused', `The page answered HTTP ${status}.`);
    }
    const [mediaType = '', ...parameters] = (response.headers['content-type'] ?? '').split(';');
    const contentType = mediaType.trim().toLowerCase();
    if (!accept.includes(contentType)) {
      response.resume();
      if (contentType === 'application/pdf') {
        throw new InvalidInputError(
          'pdf-not-supported',
          'That link is a PDF, which newsdesk does not read. Paste the text, or upload it as a .txt file.',
        );
      }
      const expected = accept === FEED_TYPES ? 'an RSS or Atom feed' : 'a web page or plain text';
      throw new InvalidInputError(
        'unsupported-content-type',
        `That link is ${contentType || 'of an unknown type'}, not ${expected}.`,
      );
    }
    const declaredLength = Number(response.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > this.maxBytes) {
      response.destroy();
      throw this.tooLarge();
    }
    const bytes = await this.readBody(decompressed(response), signal, url);
    const charset = parameters
      .map((parameter) => /^\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(parameter)?.[1])
      .find((value) => value !== undefined);
    const text =
      charset && !/^utf-?8$/i.test(charset) && iconv.encodingExists(charset)
        ? iconv.decode(bytes, charset)
        : decodeText(bytes, url.toString());
    log.debug({ url: url.toString(), bytes: bytes.length }, 'fetched page');
    const header = (name: string) => {
      const value = response.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    return { url: url.toString(), contentType, text, etag: header('etag'), lastModified: header('last-modified') };
  }

  private async readBody(body: Readable, signal: AbortSignal, url: URL): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of body) {
        size += (chunk as Buffer).length;
        if (size > this.maxBytes) {
          body.destroy();
          throw this.tooLarge();
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw describeNetworkError(signal.aborted ? signal.reason : error, url, this.timeoutMs);
    }
    return Buffer.concat(chunks);
  }

  private tooLarge(): InvalidInputError {
    return new InvalidInputError('page-too-large', `The page is larger than ${this.maxBytes / 1024 / 1024} MB.`);
  }
}

/** Retry-After as seconds (it may be a number of seconds or an HTTP date). */
function retryAfterSeconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** Parse and check a URL a user gave: http(s) only, no credentials. */
function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UrlRefusedError('bad-url', `"${raw}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UrlRefusedError(
      'bad-scheme',
      `Only http and https links can be added, not ${url.protocol.replace(/:$/, '')}.`,
    );
  }
  if (url.username || url.password) {
    throw new UrlRefusedError('credentials-in-url', 'Links with a user name or password in them are refused.');
  }
  return url;
}

function decompressed(response: IncomingMessage): Readable {
  switch ((response.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(zlib.createGunzip());
    case 'deflate':
      return response.pipe(zlib.createInflate());
    case 'br':
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

function describeNetworkError(error: unknown, url: URL, timeoutMs: number): Error {
  if (error instanceof UserError) return error;
  const name = (error as { name?: string })?.name;
  const code = (error as { code?: string })?.code;
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'ABORT_ERR') {
    return new FetchFailedError('fetch-timeout', `${url.host} did not answer within ${timeoutMs / 1000} s.`);
  }
  return new FetchFailedError('fetch-failed', `Could not fetch ${url.host} (${code ?? 'network error'}).`, {
    cause: error,
  });
}
