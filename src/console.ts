import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { type PreviousTurn, turnOf } from './answer/follow-up.js';
import { isUserError } from './errors.js';
import { componentLogger } from './logger.js';
import type { Newsdesk } from './newsdesk.js';
import { renderAnswerText, renderIngestText, renderSourcesText } from './terminal/render-text.js';
import { counted } from './text/counted.js';

const log = componentLogger('console');

export const CONSOLE_HELP = `Commands:
  /ask <question>          answer from the articles, with numbered sources
  /sources [query]         list the articles, newest first
  /more                    the next page of the last /sources list
  /add <file|folder|link>  ingest a file (.txt .md .html .json), a folder, or a web page
  /remove <id|url>         delete an article
  /help                    this list
  /quit                    leave (Ctrl-D works too)
A line without a command is a follow-up to the last answer ("and how much did it cost?"), or a
new question when it stands on its own; /ask starts a new conversation.`;

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  guildId: string;
  /** Show a prompt (only on a terminal). */
  prompt: boolean;
}

/** What the console remembers between lines: the last answer's turn, which plain text follows up. */
export interface ConsoleSession {
  previous?: PreviousTurn | undefined;
  /** The last /sources list shown, which /more pages on. */
  sources?: { query: string | undefined; page: number };
}

/** Run one console line; returns the text to print, or undefined to quit. */
export async function runConsoleLine(
  newsdesk: Newsdesk,
  guildId: string,
  line: string,
  session: ConsoleSession = {},
): Promise<string | undefined> {
  const trimmed = line.trim();
  if (trimmed === '') return '';
  const [, command = '', rest = ''] = /^(\/\w+)?\s*([\s\S]*)$/.exec(trimmed) ?? [];
  try {
    switch (command.toLowerCase()) {
      case '':
      case '/ask': {
        // Plain text follows up the last answer; /ask starts again.
        const previous = command === '' ? session.previous : undefined;
        const answer = await newsdesk.ask(guildId, rest, { previous });
        session.previous = turnOf(rest, answer, previous);
        return renderAnswerText(answer);
      }
      case '/sources':
      case '/more': {
        const last = session.sources;
        if (command === '/more' && !last) return 'Nothing to page: list the articles with /sources first.';
        const asked = command === '/more' ? { query: last?.query, page: (last?.page ?? 0) + 1 } : sourcesAsked(rest);
        const listed = newsdesk.listSources(guildId, asked);
        if (command === '/more' && asked.page > listed.pages) return `That was the last page (${listed.pages}).`;
        session.sources = { query: asked.query, page: listed.page };
        return renderSourcesText(listed, asked.query);
      }
      case '/add':
        if (!rest) return 'Usage: /add <file|folder|link>';
        return renderIngestText(await newsdesk.ingestFilesAndLinks([rest], guildId));
      case '/remove': {
        if (!rest) return 'Usage: /remove <id|url>';
        const removed = newsdesk.removeArticle(guildId, rest);
        return `Removed ${removed.id}: ${removed.title}`;
      }
      case '/help':
        return CONSOLE_HELP;
      case '/quit':
      case '/exit':
        return undefined;
      default:
        return `Unknown command ${command}. ${CONSOLE_HELP}`;
    }
  } catch (error) {
    if (isUserError(error)) return error.message;
    log.error({ err: error, command }, 'console command failed');
    return 'Something went wrong; the details are in the log.';
  }
}

/** The local console: type the same commands as in Discord and read the answers. */
export async function runConsole(newsdesk: Newsdesk, options: ConsoleOptions): Promise<void> {
  const lines = createInterface({ input: options.input, output: options.output, terminal: options.prompt });
  const write = (text: string): void => {
    options.output.write(`${text}\n`);
  };
  write(`newsdesk console · ${articleCount(newsdesk.listSources(options.guildId).total)} · /help for commands`);
  if (options.prompt) lines.setPrompt('newsdesk> ');
  if (options.prompt) lines.prompt();
  const session: ConsoleSession = {};
  for await (const line of lines) {
    const reply = await runConsoleLine(newsdesk, options.guildId, line, session);
    if (reply === undefined) break;
    if (reply !== '') write(reply);
    if (options.prompt) lines.prompt();
  }
  lines.close();
}

/** `/sources 2` is a page, `/sources ferry` a query. */
function sourcesAsked(rest: string): { query: string | undefined; page: number } {
  if (/^\d+$/.test(rest)) return { query: undefined, page: Number(rest) };
  return { query: rest === '' ? undefined : rest, page: 1 };
}

function articleCount(total: number): string {
  return counted(total, 'article');
}
