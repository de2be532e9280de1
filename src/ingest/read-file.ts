import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import iconv from 'iconv-lite';
import removeMarkdown from 'remove-markdown';
import { InvalidInputError } from '../errors.js';
import type { ArticleInput } from './article.js';
import { extractArticleFromHtml } from './html.js';
import { parseJsonArticles } from './json-articles.js';

/** Files larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.json'] as const;
type SupportedExtension = (typeof SUPPORTED_EXTENSIONS)[number];

function isSupported(extension: string): extension is SupportedExtension {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extension);
}

/**
 * Decode bytes as text: UTF-8 when valid, else Windows-1252 (the usual encoding of old saved pages).
 * Refuses content that is not text at all.
 */
export function decodeText(bytes: Uint8Array, origin: string): string {
  if (bytes.length === 0) throw new InvalidInputError('empty-file', `${origin} is empty.`);
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) throw new InvalidInputError('binary-file', `${origin} is a binary file, not text.`);
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  if (control / sample.length > 0.05)
    throw new InvalidInputError('binary-file', `${origin} is a binary file, not text.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Node's own TextDecoder reads windows-1252 as Latin-1 and loses curly quotes; iconv-lite maps it fully.
    text = iconv.decode(Buffer.from(bytes), 'win1252');
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new InvalidInputError('empty-file', `${origin} is empty.`);
  return text;
}

interface FrontMatter {
  title?: unknown;
  source?: unknown;
  author?: unknown;
  url?: unknown;
  date?: unknown;
  published_at?: unknown;
  category?: unknown;
}

function field(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** The fields a document's opening "Key: value" lines may give, by the key as written in any case. */
const HEADER_KEYS: Record<string, keyof FrontMatter> = {
  title: 'title',
  headline: 'title',
  source: 'source',
  outlet: 'source',
  publisher: 'source',
  author: 'author',
  by: 'author',
  url: 'url',
  link: 'url',
  date: 'date',
  published: 'date',
  category: 'category',
  section: 'category',
};
const HEADER_LINE = /^\s*([A-Za-z]+)\s*:\s*(.+?)\s*$/;

/**
 * "Title: …", "Source: …", "Date: …" opening a text (as copied from a reader or an export, without
 * `---` front matter): the leading lines of known keys are read as its fields and removed from `lines`.
 */
function takeHeaderLines(lines: string[]): FrontMatter {
  const front: FrontMatter = {};
  let index = lines.findIndex((line) => line.trim() !== '');
  const first = index;
  for (; index >= 0 && index < lines.length; index += 1) {
    const match = HEADER_LINE.exec(lines[index] ?? '');
    const key = match ? HEADER_KEYS[(match[1] ?? '').toLowerCase()] : undefined;
    if (!match || !key || front[key] !== undefined) break;
    front[key] = match[2];
  }
  // One known key alone ("Update: the council…") may be the text itself; a title names the header.
  if (front.title === undefined && Object.keys(front).length < 2) return {};
  lines.splice(0, index);
  return first >= 0 ? front : {};
}

/** A plain-text or Markdown document: optional front matter; otherwise the first line is the title. */
export function parseTextArticle(text: string, origin: string, markdown: boolean): ArticleInput {
  let content = text;
  let front: FrontMatter = {};
  if (/^---\r?\n/.test(text)) {
    try {
      const parsed = matter(text);
      content = parsed.content;
      front = parsed.data as FrontMatter;
    } catch {
      // Not front matter after all (a horizontal rule); read the document as it is.
    }
  }
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  if (Object.keys(front).length === 0) front = takeHeaderLines(lines);
  let title = field(front.title);
  if (!title) {
    const firstLine = lines.findIndex((line) => line.trim() !== '');
    title = (lines[firstLine] ?? '').replace(/^#+\s*/, '').trim();
    lines.splice(0, firstLine + 1);
  }
  const rest = lines.join('\n');
  const body = markdown ? removeMarkdown(rest, { gfm: true, useImgAltText: false }) : rest;
  return {
    title: markdown ? removeMarkdown(title) : title,
    body,
    source: field(front.source),
    author: field(front.author),
    url: field(front.url),
    publishedAt: field(front.published_at) ?? field(front.date),
    category: field(front.category),
    origin,
  };
}

/** Turn a document's text into articles, by its kind (the file extension or a content type). */
export function parseDocument(text: string, extension: string, origin: string): ArticleInput[] {
  const kind = extension.toLowerCase();
  if (!isSupported(kind)) {
    throw new InvalidInputError(
      'unsupported-type',
      `${origin}: unsupported file type "${kind || '(none)'}". Use ${SUPPORTED_EXTENSIONS.join(', ')}.`,
    );
  }
  switch (kind) {
    case '.json':
      return parseJsonArticles(text, origin);
    case '.html':
    case '.htm':
      return [{ ...extractArticleFromHtml(text), origin }];
    case '.md':
    case '.markdown':
      return [parseTextArticle(text, origin, true)];
    default:
      return [parseTextArticle(text, origin, false)];
  }
}

/** Read one file into articles; every problem is an InvalidInputError naming the file. */
export async function readArticleFile(filePath: string): Promise<ArticleInput[]> {
  const origin = path.basename(filePath);
  const extension = path.extname(filePath).toLowerCase();
  if (!isSupported(extension)) return parseDocument('', extension, origin);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(filePath);
  } catch {
    throw new InvalidInputError('file-not-found', `${filePath} does not exist.`);
  }
  if (!info.isFile()) throw new InvalidInputError('not-a-file', `${filePath} is not a file.`);
  if (info.size > MAX_FILE_BYTES) throw fileTooLarge(origin);
  return parseDocumentBytes(await readFile(filePath), extension, origin);
}

function fileTooLarge(origin: string): InvalidInputError {
  return new InvalidInputError('file-too-large', `${origin} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
}

/** Turn a document's bytes (a file read from disk, an upload) into articles, by its extension. */
export function parseDocumentBytes(bytes: Uint8Array, extension: string, origin: string): ArticleInput[] {
  if (!isSupported(extension.toLowerCase())) return parseDocument('', extension, origin);
  if (bytes.length > MAX_FILE_BYTES) throw fileTooLarge(origin);
  return parseDocument(decodeText(bytes, origin), extension, origin);
}

/** Expand folders into the supported files they contain (recursively, sorted); files are kept as given. */
export async function listArticleFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of paths) {
    const info = await stat(entry).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = await readdir(entry, { recursive: true, withFileTypes: true });
      files.push(
        ...names
          .filter((name) => name.isFile() && isSupported(path.extname(name.name).toLowerCase()))
          .map((name) => path.join(name.parentPath, name.name))
          .sort(),
      );
    } else {
      files.push(entry);
    }
  }
  return files;
}
