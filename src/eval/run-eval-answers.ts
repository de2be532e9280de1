import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { configureLogger } from '../logger.js';
import { progress } from '../terminal/progress.js';
import { defaultEvalDataDir, EVAL_GUILD, openEvalLibrary } from './eval-library.js';
import { evaluateFollowUps } from './followups.js';
import type { Split } from './multihop.js';
import { type AnswerScore, loadNewsQa, NEWSQA_TYPES, type NewsQaPrediction, scoreAnswer } from './newsqa.js';
import { evaluateOwnQuestions } from './own-questions.js';
import { round, share } from './scoring.js';
import { evaluateTimeQuestions } from './time-questions.js';

/**
 * `npm run eval-answers -- [--split dev|test|all] [--json] [--predictions FILE] [--followups | --time]`: whether /ask's
 * answer states the answer, on newsqa-dev (its 609 articles are MultiHop-RAG's corpus, ingested
 * once and cached like `npm run eval`'s). Every question goes through the normal ask path.
 */
const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: '../shared/bench/newsqa-dev' },
    corpus: { type: 'string', default: '../shared/bench/multihop' },
    split: { type: 'string', default: 'dev' },
    json: { type: 'boolean', default: false },
    // The answers in the reference scorer's shape (python3 ../shared/bench/newsqa-dev/score.py FILE).
    predictions: { type: 'string' },
    'data-dir': { type: 'string' },
    // The follow-up set: asked in conversations, scored against the same questions in full.
    followups: { type: 'boolean', default: false },
    'followup-file': { type: 'string', default: 'tests/fixtures/followups-newsqa.json' },
    // The time set: questions about "yesterday", "last week", "the latest", each asked as of its own now.
    time: { type: 'boolean', default: false },
    'time-file': { type: 'string', default: 'tests/fixtures/time-questions.json' },
    // Questions written about other articles of the library, for answer rules on unseen questions.
    own: { type: 'boolean', default: false },
    'own-file': { type: 'string', default: 'tests/fixtures/own-questions.json' },
  },
});
const split = values.split as Split;
if (!['dev', 'test', 'all'].includes(split)) {
  console.error('--split must be dev, test or all');
  process.exit(2);
}
const config = loadConfig();
configureLogger(config.log, 'warn');

const questions = loadNewsQa(values.dataset, split);
const { newsdesk } = await openEvalLibrary(config, {
  dataset: values.corpus,
  dataDir: values['data-dir'] ?? defaultEvalDataDir(),
});
if (values.time) {
  try {
    const { predictions, ...result } = await evaluateTimeQuestions(newsdesk, values['time-file'] ?? '', split);
    if (values.predictions) writeFileSync(values.predictions, JSON.stringify(predictions, null, 1));
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(
        `time questions (${split}): ${result.questions}, answered ${result.answered}; cited articles all in the meant days ${result.in_range}, strict ${result.strict}, "latest" answered from the newest report ${result.latest_newest}`,
      );
      console.log('kind         n   in-range  strict  latest-newest');
      for (const [kind, rates] of Object.entries(result.by_kind)) {
        console.log(
          `${kind.padEnd(12)} ${String(rates.questions).padEnd(3)} ${String(rates.in_range ?? '-').padEnd(9)} ${String(rates.strict ?? '-').padEnd(7)} ${rates.latest_newest ?? ''}`,
        );
      }
    }
  } finally {
    newsdesk.close();
  }
  process.exit(0);
}
if (values.own) {
  try {
    const { predictions, ...result } = await evaluateOwnQuestions(newsdesk, values['own-file'] ?? '');
    if (values.predictions) writeFileSync(values.predictions, JSON.stringify(predictions, null, 1));
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(
        `own questions: ${result.questions}; answer states it ${result.strict}, bold span states it ${result.span}`,
      );
      for (const [type, rates] of Object.entries(result.by_type)) {
        console.log(
          `${type.padEnd(13)} ${String(rates.questions).padEnd(3)} ${String(rates.strict).padEnd(6)} ${rates.span}`,
        );
      }
    }
  } finally {
    newsdesk.close();
  }
  process.exit(0);
}
if (values.followups) {
  try {
    const result = await evaluateFollowUps(
      newsdesk,
      loadNewsQa(values.dataset, 'all'),
      values['followup-file'] ?? '',
      split,
    );
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(
        `follow-ups (${split}): ${result.followups} dependent, strict ${result.followup_strict} against ${result.full_strict} written out in full (ratio ${result.followup_ratio})`,
      );
      console.log(
        `${result.new_subject} new-subject follow-ups: answered from the previous article ${result.wrong_carryover}`,
      );
    }
  } finally {
    newsdesk.close();
  }
  process.exit(0);
}
try {
  const predictions: NewsQaPrediction[] = [];
  const scored: { type: string; score: AnswerScore }[] = [];
  const abstentions = { near: [0, 0], off: [0, 0] };
  const latencies: number[] = [];
  for (const [index, question] of questions.entries()) {
    const started = performance.now();
    const answer = await newsdesk.ask(EVAL_GUILD, question.question);
    latencies.push(performance.now() - started);
    const prediction: NewsQaPrediction = {
      id: question.id,
      abstained: answer.abstained,
      answer: answer.answer,
      citations: answer.citations.map((citation) => ({ article_url: citation.url, text: citation.passage })),
    };
    predictions.push(prediction);
    if (question.type === 'unanswerable') {
      const kind = question.near_article_url ? abstentions.near : abstentions.off;
      kind[0] = (kind[0] ?? 0) + (answer.abstained ? 1 : 0);
      kind[1] = (kind[1] ?? 0) + 1;
    } else {
      scored.push({ type: question.type, score: scoreAnswer(question, prediction) });
    }
    progress('questions', index + 1, questions.length);
  }
  const rates = (rows: readonly { score: AnswerScore }[]) => ({
    questions: rows.length,
    strict: share(rows.filter((row) => row.score.strict).length, rows.length),
    supported: share(rows.filter((row) => row.score.supported).length, rows.length),
    lenient: share(rows.filter((row) => row.score.lenient).length, rows.length),
    false_abstention: share(rows.filter((row) => row.score.abstained).length, rows.length),
  });
  const sorted = [...latencies].sort((a, b) => a - b);
  const result = {
    split,
    ...rates(scored),
    near_abstention: share(abstentions.near[0] ?? 0, abstentions.near[1] ?? 0),
    near_questions: abstentions.near[1],
    off_abstention: share(abstentions.off[0] ?? 0, abstentions.off[1] ?? 0),
    off_questions: abstentions.off[1],
    by_type: Object.fromEntries(NEWSQA_TYPES.map((type) => [type, rates(scored.filter((row) => row.type === type))])),
    p50_ms: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
  };
  if (values.predictions) writeFileSync(values.predictions, JSON.stringify(predictions, null, 1));
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(
      `newsqa-dev ${split}: ${result.questions} answerable, ${result.near_questions} near-topic and ${result.off_questions} off-topic unanswerable`,
    );
    console.log('type           n   strict  supported  lenient  false-abstention');
    const row = (name: string, r: ReturnType<typeof rates>) =>
      console.log(
        `${name.padEnd(13)} ${String(r.questions).padEnd(3)} ${[r.strict, r.supported, r.lenient, r.false_abstention]
          .map((value) => String(value ?? '-').padEnd(9))
          .join(' ')}`,
      );
    for (const [type, rates] of Object.entries(result.by_type)) row(type, rates);
    row('overall', result);
    console.log(
      `"not stated" on near-topic questions ${result.near_abstention}, on off-topic ${result.off_abstention}`,
    );
    console.log(`median /ask ${result.p50_ms} ms`);
  }
} finally {
  newsdesk.close();
}
