import { parseDates } from '../time/chrono.js';

/** Longest paragraph that can be only a byline or dateline. */
const MAX_BYLINE_CHARS = 120;
const BYLINE_START = /^[Bb]y\s+(?:[\p{Lu}][\p{L}'’.-]*\s*){1,4}(?:,|and\s|\|)?/u;
const TIME_WORDS =
  /\b(updated|published|posted|last|ago|min(ute)?s?|hours?|read|utc|gmt|bst|cet|est|edt|pst|pdt|am|pm)\b/gi;

/**
 * Whether a short paragraph is only a byline and/or a date ("By Priya Nair October 17, 2023
 * 2:25 PM UTC", "14 November 2023", "Updated 3 hours ago"): page furniture, not reporting.
 */
export function isBylineOrDateline(paragraph: string): boolean {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > MAX_BYLINE_CHARS) return false;
  let rest = text;
  const dates = parseDates(rest);
  for (const found of dates) rest = rest.replace(found.text, ' ');
  const hadByline = BYLINE_START.test(rest);
  rest = rest.replace(BYLINE_START, ' ');
  if (dates.length === 0 && !hadByline && !/\bago\b/i.test(text)) return false;
  rest = rest.replace(TIME_WORDS, ' ').replace(/[\d\s:.,|·•–—-]+/g, '');
  return rest.length <= 2;
}
