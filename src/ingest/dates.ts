import { parseDates } from '../time/chrono.js';

/** A date more than this far ahead of now is a typo or a scheduled embargo, not a publication date. */
const FUTURE_TOLERANCE_MS = 36 * 60 * 60 * 1000;
/** Where bylines and datelines usually sit: the head and the tail of a page. */
const EDGE_CHARS = 800;

function isPlausible(date: Date, now: Date): boolean {
  const time = date.getTime();
  return Number.isFinite(time) && time <= now.getTime() + FUTURE_TOLERANCE_MS && date.getUTCFullYear() >= 1900;
}

/** A date given as a field that reads as a real date but lies in the future (beyond time-zone slack). */
export function futureFieldDate(value: string | undefined, now = new Date()): Date | undefined {
  const text = value?.trim();
  if (!text || !/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isFinite(date.getTime()) && date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS ? date : undefined;
}

/** Parse a publication date given as a field (ISO 8601, RFC 2822, or words); undefined when it is not a full, plausible date. */
export function parsePublishedDate(value: string | undefined, now = new Date()): Date | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(text) || /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}/.test(text)) {
    const date = new Date(text);
    return isPlausible(date, now) ? date : undefined;
  }
  return findDateInText(text, now);
}

/**
 * Find the first full calendar date (day, month and year all written) in a text, such as
 * "January 26, 2022"; the head and tail of the text are searched first because that is where
 * datelines and bylines stand.
 */
export function findDateInText(text: string, now = new Date()): Date | undefined {
  const regions = text.length > 2 * EDGE_CHARS ? [text.slice(0, EDGE_CHARS), text.slice(-EDGE_CHARS), text] : [text];
  for (const region of regions) {
    for (const result of parseDates(region, now)) {
      const start = result.start;
      if (!(start.isCertain('year') && start.isCertain('month') && start.isCertain('day'))) continue;
      // Relative phrases ("two weeks earlier") come back with every part "certain"; a written year rules them out.
      if (!/\b(1[89]|20)\d{2}\b/.test(result.text)) continue;
      const date = start.date();
      if (isPlausible(date, now)) return date;
    }
  }
  return undefined;
}
