import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { configureLogger } from '../logger.js';
import { DEFAULT_RANKING_OPTIONS, type RankingOptions } from '../retrieve/passage-ranker.js';
import { progress } from '../terminal/progress.js';
import { countWords } from '../text/terms.js';
import { defaultEvalDataDir, EVAL_GUILD, openEvalLibrary } from './eval-library.js';
import { answerContainsGold, loadQuestions, type Split } from './multihop.js';
import { meanScores, type QuestionScores, round, scoreRetrieval } from './scoring.js';

const GUILD = EVAL_GUILD;

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: '../shared/bench/multihop' },
    split: { type: 'string', default: 'dev' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
    // Where the ingested corpus is kept (default: data/state/eval/<hash of the ingest code>).
    'data-dir': { type: 'string' },
    'common-word-share': { type: 'string' },
    // Ablations: override one ranking setting (see docs/retrieval.md).
    'reorder-weight': { type: 'string' },
    'reorder-sentences': { type: 'string' },
    'dense-weight': { type: 'string' },
    'keyword-weight': { type: 'string' },
    'max-per-article': { type: 'string' },
    'title-weight': { type: 'string' },
    candidates: { type: 'string' },
    'no-outlets': { type: 'boolean', default: false },
    'no-dates': { type: 'boolean', default: false },
  },
});

const split = values.split as Split;
if (!['dev', 'test', 'all'].includes(split)) {
  console.error('--split must be dev, test or all');
  process.exit(2);
}
configureLogger(loadConfig().log, 'warn');

// The ingested corpus is kept (keyed by the ingest code) and reused by the next run.
const dataDir = values['data-dir'] ?? defaultEvalDataDir();
const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
const ranking: RankingOptions = {
  ...DEFAULT_RANKING_OPTIONS,
  denseWeight: number(values['dense-weight'], DEFAULT_RANKING_OPTIONS.denseWeight),
  keywordWeight: number(values['keyword-weight'], DEFAULT_RANKING_OPTIONS.keywordWeight),
  maxPerArticle: number(values['max-per-article'], DEFAULT_RANKING_OPTIONS.maxPerArticle),
  candidates: number(values.candidates, DEFAULT_RANKING_OPTIONS.candidates),
  keywordWeights: {
    ...DEFAULT_RANKING_OPTIONS.keywordWeights,
    title: number(values['title-weight'], DEFAULT_RANKING_OPTIONS.keywordWeights.title),
  },
  outletInterleaving: !values['no-outlets'],
  dateInterleaving: !values['no-dates'],
  commonWordShare: number(values['common-word-share'], DEFAULT_RANKING_OPTIONS.commonWordShare),
  windowReorder: {
    weight: number(values['reorder-weight'], DEFAULT_RANKING_OPTIONS.windowReorder.weight),
    sentences: number(values['reorder-sentences'], DEFAULT_RANKING_OPTIONS.windowReorder.sentences),
  },
};
const { newsdesk, ingestSeconds } = await openEvalLibrary(loadConfig(), {
  dataset: values.dataset,
  dataDir,
  newsdesk: { ranking },
});
try {
  const passages = newsdesk.library.passageTexts(GUILD);
  const meanPassageWords = passages.reduce((sum, text) => sum + countWords(text), 0) / Math.max(1, passages.length);

  let questions = loadQuestions(values.dataset, split);
  if (values.limit) questions = questions.slice(0, Number(values.limit));
  const answerable = questions.filter((question) => question.questionType !== 'null_query');
  const squeezedPassages = passages.map((text) => text.replace(/[ \n]/g, ''));
  const facts = [
    ...new Set(answerable.flatMap((question) => question.facts.map((fact) => fact.replace(/[ \n]/g, '')))),
  ];
  const factCoverage =
    facts.filter((fact) => squeezedPassages.some((text) => text.includes(fact))).length / Math.max(1, facts.length);

  const started = performance.now();
  const byType = new Map<string, QuestionScores[]>();
  const all: QuestionScores[] = [];
  let nullAbstained = 0;
  let nullCount = 0;
  let falseAbstained = 0;
  // Inference questions are answered by a name, which an extractive answer can quote.
  let namedAnswers = 0;
  let nameQuestions = 0;
  for (const [index, question] of questions.entries()) {
    const ranking = await newsdesk.ranker.rank(GUILD, question.query, 10);
    const answer = newsdesk.asker.answerFrom(GUILD, question.query, ranking);
    if (question.questionType === 'null_query') {
      nullCount += 1;
      if (answer.abstained) nullAbstained += 1;
    } else {
      if (answer.abstained) falseAbstained += 1;
      if (question.questionType === 'inference_query') {
        nameQuestions += 1;
        if (!answer.abstained && answerContainsGold(answer.answer, question.answer)) namedAnswers += 1;
      }
      const scores = scoreRetrieval(
        ranking.passages.map((entry) => entry.passage.text),
        question.facts,
      );
      all.push(scores);
      byType.set(question.questionType, [...(byType.get(question.questionType) ?? []), scores]);
    }
    progress('questions', index + 1, questions.length);
  }
  const querySeconds = (performance.now() - started) / 1000;
  const overall = meanScores(all);
  const result = {
    split,
    ranking,
    questions: answerable.length,
    null_questions: nullCount,
    mrr10: round(overall.mrr10),
    map10: round(overall.map10),
    hits10: round(overall.hits10),
    hits4: round(overall.hits4),
    null_abstention: round(nullAbstained / Math.max(1, nullCount)),
    false_abstention: round(falseAbstained / Math.max(1, answerable.length)),
    inference_answer_named: round(namedAnswers / Math.max(1, nameQuestions)),
    mean_passage_words: round(meanPassageWords),
    passages: passages.length,
    fact_coverage: round(factCoverage),
    ingest_s: round(ingestSeconds),
    query_s: round(querySeconds),
    by_type: Object.fromEntries(
      [...byType.entries()].map(([type, scores]) => {
        const mean = meanScores(scores);
        return [
          type,
          {
            questions: scores.length,
            mrr10: round(mean.mrr10),
            map10: round(mean.map10),
            hits10: round(mean.hits10),
            hits4: round(mean.hits4),
          },
        ];
      }),
    ),
  };
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(
      `MultiHop-RAG ${split}: ${result.questions} questions (+${nullCount} null), ${result.passages} passages of ${result.mean_passage_words} words on average, fact coverage ${result.fact_coverage}`,
    );
    console.log('type                 n     MRR@10  MAP@10  Hits@10 Hits@4');
    const row = (name: string, n: number, s: { mrr10: number; map10: number; hits10: number; hits4: number }) =>
      console.log(
        `${name.padEnd(20)} ${String(n).padEnd(5)} ${[s.mrr10, s.map10, s.hits10, s.hits4].map((v) => v.toFixed(3).padEnd(7)).join(' ')}`,
      );
    for (const [type, scores] of Object.entries(result.by_type)) row(type, scores.questions, scores);
    row('overall', result.questions, result);
    console.log(`null-question abstention ${result.null_abstention}, false abstention ${result.false_abstention}`);
    console.log(`inference questions whose answer states the gold name: ${result.inference_answer_named}`);
    console.log(`ingest ${result.ingest_s} s, querying ${result.query_s} s`);
  }
} finally {
  newsdesk.close();
}
