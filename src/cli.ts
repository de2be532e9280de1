import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { ConfigError, FetchFailedError, InvalidInputError, isUserError } from './errors.js';
import type { IngestOutcome, IngestProgress } from './ingest/ingest-service.js';
import { configureLogger, logger } from './logger.js';
import { Newsdesk } from './newsdesk.js';
import { parseTimeZone } from './store/guild-settings.js';
import { parseGuildOption, parsePageOption } from './terminal/cli-options.js';
import { type ProgressOutput, progress } from './terminal/progress.js';
import { renderBriefingText } from './terminal/render-briefing-text.js';
import { renderAnswerText, renderIngestText, renderSourcesText } from './terminal/render-text.js';
import { inCommandLineWords } from './terminal/terminal-words.js';

/** The guild the terminal acts for unless `--guild` says otherwise. */
export const LOCAL_GUILD = 'local';

export const USAGE = `Usage:
  npm run ingest  -- <file|folder|https://link>... [--guild ID]
  npm run ask     -- "question" [--guild ID] [--now ISO] [--tz Area/City] [--json]
  npm run sources -- [query] [--guild ID] [--page N] [--json]
  npm run remove  -- <article id|url> [--guild ID]
  npm run briefing -- [--guild ID] [--since 24h|7d|ISO] [--until ISO] [--topic TEXT] [--json]
  npm run feeds   -- add <url> | remove <id|url> | list | poll [--guild ID]
  npm start        (the Discord bot when DISCORD_TOKEN is set, else the local console)`;

/** Exit codes: 0 done, 1 unexpected failure or a site that did not answer, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

type Output = (text: string) => void;

/** Run one CLI verb with its arguments; returns the exit code. */
export async function runCli(
  argv: readonly string[],
  printOut: Output = console.log,
  printErrorOut: Output = console.error,
  progressOutput: ProgressOutput = process.stderr,
): Promise<number> {
  // Messages shared with Discord and the console name their commands ("/sources"); say them as here.
  const print: Output = (text) => printOut(inCommandLineWords(text));
  const printError: Output = (text) => printErrorOut(inCommandLineWords(text));
  const [verb, ...rest] = argv;
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(rest);
  } catch (error) {
    printError(`${(error as Error).message}\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const { values, positionals } = parsed;
  let guildId: string;
  let page: number;
  try {
    guildId = parseGuildOption(values.guild, LOCAL_GUILD);
    page = parsePageOption(values.page);
  } catch (error) {
    printError((error as Error).message);
    return EXIT_BAD_INPUT;
  }
  if (!verb || !['ingest', 'ask', 'sources', 'remove', 'briefing', 'feeds'].includes(verb)) {
    printError(USAGE);
    return EXIT_BAD_INPUT;
  }
  if ((verb === 'ingest' || verb === 'remove') && positionals.length === 0) {
    printError(`${verb} needs ${verb === 'ingest' ? 'a file, folder or link' : 'an article id or url'}.\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }

  let newsdesk: Newsdesk | undefined;
  try {
    const config = loadConfig();
    configureLogger(config.log, 'warn');
    newsdesk = await Newsdesk.open(config);
    switch (verb) {
      case 'ingest': {
        const outcomes = await newsdesk.ingestFilesAndLinks(positionals, guildId, (step) => {
          if (step.files > 1) progress('ingest', step.done, step.files, ingestDetail(step), progressOutput);
        });
        print(renderIngestText(outcomes));
        return ingestExitCode(outcomes);
      }
      case 'ask': {
        // "Yesterday" as if asked at --now (default: now), in --tz (default UTC).
        const now = values.now === undefined ? new Date() : parseMoment(values.now, '--now');
        const answer = await newsdesk.ask(guildId, positionals.join(' '), {
          now,
          timeZone: values.tz === undefined ? undefined : parseTimeZone(values.tz),
        });
        if (values.json) {
          print(
            JSON.stringify(
              {
                answer: answer.answer,
                abstained: answer.abstained,
                answer_span: answer.span ?? null,
                answer_type: answer.answerType ?? null,
                // The articles cover the subject but do not state it: the closest source.
                closest: answer.notStated ? (answer.citations[0] ?? null) : null,
                written_by: answer.writtenBy ?? 'extractive',
                citations: answer.citations.map((citation) => ({
                  n: citation.n,
                  title: citation.title,
                  source: citation.source,
                  url: citation.url,
                  published_at: citation.publishedAt,
                  passage: citation.passage,
                })),
              },
              null,
              2,
            ),
          );
        } else {
          print(renderAnswerText(answer, now));
        }
        return EXIT_OK;
      }
      case 'sources': {
        const listing = newsdesk.listSources(guildId, { query: positionals.join(' ') || undefined, page });
        if (page > listing.pages) {
          printError(
            `There ${listing.pages === 1 ? 'is 1 page' : `are ${listing.pages} pages`} of articles; --page ${page} is past the last.`,
          );
          return EXIT_BAD_INPUT;
        }
        print(
          values.json
            ? JSON.stringify(listing, null, 2)
            : renderSourcesText(listing, positionals.join(' ') || undefined),
        );
        return EXIT_OK;
      }
      case 'briefing': {
        const until = values.until ? parseMoment(values.until, '--until') : new Date();
        const since = values.since ? parseMoment(values.since, '--since', until) : undefined;
        const topic = values.topic;
        const briefing = await newsdesk.briefing(guildId, since ? { since, until, topic } : { until, topic });
        print(values.json ? JSON.stringify(briefing, null, 2) : renderBriefingText(briefing));
        return EXIT_OK;
      }
      case 'feeds':
        return await runFeeds(newsdesk, guildId, positionals, print, printError);
      default: {
        const removed = newsdesk.removeArticle(guildId, positionals.join(' '));
        print(`Removed ${removed.id}: ${removed.title}`);
        return EXIT_OK;
      }
    }
  } catch (error) {
    if (error instanceof FetchFailedError) {
      printError(error.message);
      return EXIT_FAILURE;
    }
    if (isUserError(error) || error instanceof ConfigError) {
      printError(error.message);
      return EXIT_BAD_INPUT;
    }
    logger.error({ err: error, verb }, 'command failed');
    printError(`newsdesk ${verb} failed: ${(error as Error).message}`);
    return EXIT_FAILURE;
  } finally {
    newsdesk?.close();
  }
}

/** "12.3 passages/s, about 40 s left": how fast a bulk ingest goes and how long it has to go. */
export function ingestDetail(step: IngestProgress): string {
  const rate = step.seconds > 0 ? step.passages / step.seconds : 0;
  const left = step.done > 0 && step.done < step.files ? (step.seconds / step.done) * (step.files - step.done) : 0;
  const pieces = [`${rate.toFixed(1)} passages/s`];
  if (left >= 1) pieces.push(`about ${left < 90 ? `${Math.round(left)} s` : `${Math.round(left / 60)} min`} left`);
  return pieces.join(', ');
}

/** 0 when everything was stored, 1 when a site failed to answer (trying later may work), else 2. */
export function ingestExitCode(outcomes: readonly IngestOutcome[]): number {
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'failed' ? [outcome.error] : []));
  if (failures.some((error) => error instanceof FetchFailedError)) return EXIT_FAILURE;
  return failures.length > 0 || outcomes.length === 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

async function runFeeds(
  newsdesk: Newsdesk,
  guildId: string,
  [action, ...rest]: string[],
  print: Output,
  printError: Output,
): Promise<number> {
  switch (action) {
    case 'add': {
      const { feed, items } = await newsdesk.feeds.add(guildId, rest.join(' '));
      print(`Following ${feed.title ?? feed.url} (${feed.id}); its ${items} current items are skipped.`);
      return EXIT_OK;
    }
    case 'remove': {
      const feed = newsdesk.feeds.remove(guildId, rest.join(' '));
      print(`Stopped following ${feed.title ?? feed.url}.`);
      return EXIT_OK;
    }
    case 'list': {
      const feeds = newsdesk.feeds.list(guildId);
      if (feeds.length === 0) print('No feeds.');
      for (const feed of feeds) {
        const state = feed.lastError ? `failing: ${feed.lastError}` : `next poll ${feed.nextPollAt}`;
        print(`${feed.id}  ${feed.title ?? '(untitled)'}  ${feed.url}  (${state})`);
      }
      return EXIT_OK;
    }
    case 'poll': {
      // By hand, every feed of the guild is polled now, whatever its schedule.
      const results = await newsdesk.feeds.pollDue(new Date(), guildId);
      for (const result of results) {
        print(`${result.feed.title ?? result.feed.url}: ${result.status}${result.error ? ` (${result.error})` : ''}`);
        if (result.outcomes.length > 0) print(renderIngestText(result.outcomes));
      }
      if (results.length === 0) print('No feeds.');
      return EXIT_OK;
    }
    default:
      printError(`feeds needs add, remove, list or poll.\n${USAGE}`);
      return EXIT_BAD_INPUT;
  }
}

function parseCliArgs(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      guild: { type: 'string' },
      json: { type: 'boolean', default: false },
      page: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      now: { type: 'string' },
      tz: { type: 'string' },
      topic: { type: 'string' },
    },
  });
}

/** "24h" or "7d" before `reference`, or an ISO date and time. */
function parseMoment(value: string, option: string, reference = new Date()): Date {
  const relative = /^(\d+)\s*([hd])$/i.exec(value.trim());
  if (relative) {
    const hours = Number(relative[1]) * ((relative[2] ?? 'h').toLowerCase() === 'd' ? 24 : 1);
    return new Date(reference.getTime() - hours * 3_600_000);
  }
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) {
    throw new InvalidInputError('bad-moment', `${option} must be like 24h, 7d or an ISO date, not "${value}".`);
  }
  return new Date(parsed);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
