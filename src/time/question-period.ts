import { parseDates } from './chrono.js';
import { instantOf, localMoment } from './local-time.js';

/** The stretch of time a question is about: from `since` (inclusive) to `until` (exclusive). */
export interface QuestionPeriod {
  since: Date;
  until: Date;
  /** The words that said it ("yesterday", "last week"). */
  text: string;
  /**
   * Whether those words only say when ("yesterday", "last week", "two days ago"), rather than name
   * a day or a month that articles write too ("on Monday", "in November").
   */
  relative: boolean;
}

const DAY_MS = 86_400_000;
const WRITTEN_YEAR = /\b(?:1[89]|20)\d{2}\b/;
const MAY_NAME_A_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s|$|[,?!])|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bago\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}\/\d{1,2}\b/i;

/** The same date a year earlier. */
function lastYears(date: string): string {
  return `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
}

/** "YYYY-MM-DD" plus whole days (calendar arithmetic; no time zone involved). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Monday = 0 ... Sunday = 6, of a "YYYY-MM-DD" date. */
function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function firstOfMonth(date: string, monthsBack = 0): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1 - monthsBack, 1));
  return shifted.toISOString().slice(0, 10);
}

/** Phrases whose period is the calendar's, not a date's: weeks, weekends, months, years. */
const CALENDAR_PHRASES: readonly [RegExp, (today: string) => [string, string | 'now']][] = [
  [/\b(?:today|this morning|this afternoon|tonight|this evening)\b/i, (today) => [today, 'now']],
  [/\byesterday\b|\blast night\b/i, (today) => [addDays(today, -1), today]],
  [/\bthis week\b/i, (today) => [addDays(today, -weekday(today)), 'now']],
  [/\b(?:last|past) week\b|\bin the last seven days\b/i, (today) => [addDays(today, -7), 'now']],
  [
    /\b(?:this|last|over the|at the|on the) weekend\b/i,
    (today) => {
      const day = weekday(today);
      // The weekend now under way, or the one just gone.
      const saturday = day >= 5 ? addDays(today, 5 - day) : addDays(today, -day - 2);
      return [saturday, addDays(saturday, 2)];
    },
  ],
  [/\bthis month\b/i, (today) => [firstOfMonth(today), 'now']],
  [/\blast month\b/i, (today) => [firstOfMonth(today, 1), firstOfMonth(today)]],
  [/\bthis year\b/i, (today) => [`${today.slice(0, 4)}-01-01`, 'now']],
  [/\blast year\b/i, (today) => [`${Number(today.slice(0, 4)) - 1}-01-01`, `${today.slice(0, 4)}-01-01`]],
];

/** The offset of the zone from UTC at an instant, in minutes (what chrono-node takes as a zone). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const local = localMoment(instant, timeZone);
  const asUtc = Date.parse(`${local.date}T00:00:00Z`) + local.minutes * 60_000;
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The period a question's relative or partial date means, read relative to `now` in the server's
 * time zone ("yesterday", "this week", "last weekend", "on Monday", "in November", "since Friday",
 * "two days ago"); undefined when it names none, or names a full date (those are read as days
 * already, `findNamedDays`). News questions look back: a weekday or a month that would fall after
 * now is the last one before it.
 */
export function questionPeriod(question: string, now: Date, timeZone: string): QuestionPeriod | undefined {
  // Most questions name no time: they cost two regular expressions, not a time-zone lookup.
  if (!MAY_NAME_A_DATE.test(question) && !CALENDAR_PHRASES.some(([pattern]) => pattern.test(question))) {
    return undefined;
  }
  const today = localMoment(now, timeZone).date;
  const at = (date: string | 'now') => (date === 'now' ? now : instantOf(date, '00:00', timeZone));
  const since = /\bsince\b/i.test(question);
  for (const [pattern, period] of CALENDAR_PHRASES) {
    const match = pattern.exec(question);
    if (!match) continue;
    const [from, to] = period(today);
    return { since: at(from), until: since ? now : at(to), text: match[0], relative: true };
  }
  // chrono-node is slow to warm up (about 0.2 s of a terminal command): only a question that names
  // a month, a weekday or a time ago is given to it.
  if (!MAY_NAME_A_DATE.test(question)) return undefined;
  for (const result of parseDates(question, { instant: now, timezone: offsetMinutes(now, timeZone) })) {
    // A date written in full, year and all, is read as a day already.
    if (WRITTEN_YEAR.test(result.text)) continue;
    const start = result.start;
    let date = localMoment(start.date(), timeZone).date;
    if (start.isCertain('day') || start.isCertain('weekday')) {
      // "on Monday" asked on a Sunday means the Monday before; "on November 3" in October, last year's.
      if (date > today) date = start.isCertain('weekday') ? addDays(date, -7) : lastYears(date);
      return {
        since: at(date),
        until: since ? now : at(addDays(date, 1)),
        text: result.text,
        relative: /\bago\b/i.test(result.text),
      };
    }
    if (start.isCertain('month')) {
      let first = `${date.slice(0, 7)}-01`;
      if (first > today) first = lastYears(first);
      return {
        since: at(first),
        until: since ? now : at(firstOfMonth(addDays(first, 31))),
        text: result.text,
        relative: false,
      };
    }
  }
  return undefined;
}

/**
 * The question without the words that only said its period ("yesterday"): articles do not write
 * them, so they would count against the evidence. A named day or month stays: articles write those.
 */
export function withoutPeriod(question: string, period: QuestionPeriod): string {
  if (!period.relative) return question;
  return question.replace(period.text, ' ').replace(/\s+/g, ' ').trim();
}
