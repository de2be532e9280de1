import { readFileSync } from 'node:fs';
import type { Newsdesk } from '../newsdesk.js';
import { EVAL_GUILD } from './eval-library.js';
import type { Split } from './multihop.js';
import { type NewsQaPrediction, type NewsQaQuestion, sameArticleUrl, scoreAnswer } from './newsqa.js';
import { round } from './scoring.js';

/** One pair of the follow-up set (tests/fixtures/followups-newsqa.json; its "about" says how it was written). */
interface FollowUpItem {
  first_id: number;
  followup: string;
  full_id: number;
  kind: 'dependent' | 'new-subject';
}

function predictionOf(id: number, answer: Awaited<ReturnType<Newsdesk['ask']>>): NewsQaPrediction {
  return {
    id,
    abstained: answer.abstained,
    answer: answer.answer,
    citations: answer.citations.map((citation) => ({ article_url: citation.url, text: citation.passage })),
  };
}

/**
 * Ask each pair's first question, then its follow-up in the same conversation (through the normal
 * ask path, as the Discord button and the console do), and the follow-up's full form alone.
 * `followup_strict` against `full_strict` on the dependent pairs; `wrong_carryover`: the share of
 * new-subject follow-ups whose first source is the first question's article.
 */
export async function evaluateFollowUps(
  newsdesk: Newsdesk,
  questions: readonly NewsQaQuestion[],
  file: string,
  split: Split,
) {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const items = (JSON.parse(readFileSync(file, 'utf8')) as { items: FollowUpItem[] }).items.filter(
    (item) => split === 'all' || (split === 'dev') === (item.full_id % 2 === 0),
  );
  let dependent = 0;
  let followStrict = 0;
  let fullStrict = 0;
  let newSubject = 0;
  let carried = 0;
  for (const item of items) {
    const first = byId.get(item.first_id);
    const full = byId.get(item.full_id);
    if (!first || !full) throw new Error(`follow-up item ${item.first_id} -> ${item.full_id}: no such question`);
    const opening = await newsdesk.ask(EVAL_GUILD, first.question);
    const previous = {
      question: first.question,
      articleIds: opening.citations.map((citation) => citation.articleId),
    };
    const followUp = await newsdesk.ask(EVAL_GUILD, item.followup, { previous });
    if (item.kind === 'dependent') {
      dependent += 1;
      if (scoreAnswer(full, predictionOf(full.id, followUp)).strict) followStrict += 1;
      const alone = await newsdesk.ask(EVAL_GUILD, full.question);
      if (scoreAnswer(full, predictionOf(full.id, alone)).strict) fullStrict += 1;
    } else {
      newSubject += 1;
      const source = followUp.citations[0]?.url;
      if (sameArticleUrl(source, first.article_url)) carried += 1;
    }
  }
  const followupStrict = dependent === 0 ? null : round(followStrict / dependent);
  const fullRate = dependent === 0 ? null : round(fullStrict / dependent);
  return {
    split,
    followups: dependent,
    followup_strict: followupStrict,
    full_strict: fullRate,
    followup_ratio: followupStrict !== null && fullRate ? round(followupStrict / fullRate) : null,
    new_subject: newSubject,
    wrong_carryover: newSubject === 0 ? null : round(carried / newSubject),
  };
}
