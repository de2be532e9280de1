import { readFileSync } from 'node:fs';
import type { Newsdesk } from '../newsdesk.js';
import { EVAL_GUILD } from './eval-library.js';
import type { Split } from './multihop.js';
import { containsAnswer, sameArticleUrl } from './newsqa.js';
import { share } from './scoring.js';

/** One question of the time set (tests/fixtures/time-questions.json; docs/time.md says how it was written). */
interface TimeQuestion {
  id: string;
  /** How it names its time: "yesterday", "last night", "latest", "month", ... */
  kind: string;
  question: string;
  /** When it is asked (the answer is judged as if asked then, in UTC). */
  now: string;
  /** The days (UTC, inclusive) its time means: the articles an answer may cite. */
  range: { from: string; to: string };
  answers: string[];
  /** The article that answers it. */
  article: string;
  /** For "latest" questions: the newest relevant reports as of `now` (any of them may come first). */
  newest?: string[];
}

/** A question's half of the set: the odd-numbered questions are dev, the even-numbered test. */
function inSplit(question: TimeQuestion, split: Split): boolean {
  if (split === 'all') return true;
  const number = Number(question.id.replace(/\D/g, ''));
  return split === 'dev' ? number % 2 === 1 : number % 2 === 0;
}

/**
 * Ask each time question as of its `now` (through the normal ask path, in UTC) and score:
 * `in_range`, the answers whose cited articles were all published in the days the question
 * means; `strict`, the answers that state an accepted answer; `latest_newest`, the "latest"
 * questions whose first source is the newest relevant report.
 */
export async function evaluateTimeQuestions(newsdesk: Newsdesk, file: string, split: Split) {
  const questions = (JSON.parse(readFileSync(file, 'utf8')) as { questions: TimeQuestion[] }).questions.filter(
    (question) => inSplit(question, split),
  );
  const rows: { question: TimeQuestion; answered: boolean; inRange: boolean; strict: boolean; newest?: boolean }[] = [];
  const predictions: Record<string, unknown>[] = [];
  for (const question of questions) {
    const answer = await newsdesk.ask(EVAL_GUILD, question.question, { now: new Date(question.now), timeZone: 'UTC' });
    const days = answer.citations.map((citation) => citation.publishedAt?.slice(0, 10) ?? '');
    const inRange =
      !answer.abstained &&
      days.length > 0 &&
      days.every((day) => day >= question.range.from && day <= question.range.to);
    const first = answer.citations[0]?.url;
    rows.push({
      question,
      answered: !answer.abstained,
      inRange,
      strict: !answer.abstained && containsAnswer(answer.answer, question.answers),
      ...(question.newest ? { newest: question.newest.some((url) => sameArticleUrl(url, first)) } : {}),
    });
    predictions.push({
      id: question.id,
      abstained: answer.abstained,
      answer: answer.answer,
      cited: answer.citations.map((citation) => ({ url: citation.url, published_at: citation.publishedAt })),
    });
  }
  const rates = (subset: typeof rows) => {
    const answered = subset.filter((row) => row.answered);
    const latest = subset.filter((row) => row.newest !== undefined);
    return {
      questions: subset.length,
      answered: answered.length,
      in_range: share(answered.filter((row) => row.inRange).length, answered.length),
      strict: share(subset.filter((row) => row.strict).length, subset.length),
      ...(latest.length > 0 ? { latest_newest: share(latest.filter((row) => row.newest).length, latest.length) } : {}),
    };
  };
  const kinds = [...new Set(rows.map((row) => row.question.kind))];
  return {
    split,
    ...rates(rows),
    latest_newest: rates(rows).latest_newest ?? null,
    by_kind: Object.fromEntries(kinds.map((kind) => [kind, rates(rows.filter((row) => row.question.kind === kind))])),
    predictions,
  };
}
