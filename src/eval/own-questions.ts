import { readFileSync } from 'node:fs';
import type { Newsdesk } from '../newsdesk.js';
import { EVAL_GUILD } from './eval-library.js';
import { containsAnswer } from './newsqa.js';
import { round } from './scoring.js';

/** One question of the session-written set (tests/fixtures/own-questions.json). */
interface OwnQuestion {
  id: string;
  type: string;
  question: string;
  answers: string[];
}

/**
 * Ask each question of the set and score `strict` (the answer text states an accepted answer)
 * and `span` (the bold answer span itself does), overall and by type.
 */
export async function evaluateOwnQuestions(newsdesk: Newsdesk, file: string) {
  const questions = (JSON.parse(readFileSync(file, 'utf8')) as { questions: OwnQuestion[] }).questions;
  const rows: { question: OwnQuestion; strict: boolean; span: boolean }[] = [];
  const predictions: { id: string; answer: string; span: string | null }[] = [];
  for (const question of questions) {
    const answer = await newsdesk.ask(EVAL_GUILD, question.question);
    const span = answer.span ?? null;
    predictions.push({ id: question.id, answer: answer.answer, span });
    rows.push({
      question,
      strict: !answer.abstained && containsAnswer(answer.answer, question.answers),
      span: span !== null && containsAnswer(span, question.answers),
    });
  }
  const rates = (subset: typeof rows) => ({
    questions: subset.length,
    strict: round(subset.filter((row) => row.strict).length / Math.max(1, subset.length)),
    span: round(subset.filter((row) => row.span).length / Math.max(1, subset.length)),
  });
  const types = [...new Set(questions.map((question) => question.type))];
  return {
    ...rates(rows),
    by_type: Object.fromEntries(types.map((type) => [type, rates(rows.filter((row) => row.question.type === type))])),
    predictions,
  };
}
