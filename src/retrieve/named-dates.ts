import { parseDates } from '../time/chrono.js';

/**
 * The calendar days ("YYYY-MM-DD") a question names in full, in order: "on October 7, 2023".
 * Only dates with a written day, month and year count; "last week" or "in October" do not.
 */
export function findNamedDays(question: string): string[] {
  const days: string[] = [];
  for (const result of parseDates(question)) {
    const start = result.start;
    if (!(start.isCertain('year') && start.isCertain('month') && start.isCertain('day'))) continue;
    if (!/\b(1[89]|20)\d{2}\b/.test(result.text)) continue;
    const day = [start.get('year'), start.get('month'), start.get('day')]
      .map((part, index) => String(part ?? 0).padStart(index === 0 ? 4 : 2, '0'))
      .join('-');
    if (!days.includes(day)) days.push(day);
  }
  return days;
}
