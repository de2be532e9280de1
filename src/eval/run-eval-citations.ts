import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkCitations } from '../answer/citation-check.js';
import { ModelWriter } from '../answer/model-writer.js';
import { SUPPORT_THRESHOLD } from '../answer/support.js';
import { loadConfig } from '../config.js';
import { prepareArticle } from '../ingest/prepare.js';
import { readArticleFile } from '../ingest/read-file.js';
import { configureLogger } from '../logger.js';
import { foldForComparison } from '../text/terms.js';
import { type CaseKind, type CitationCase, generateCitationCases, SUPPORTED_KINDS } from './citation-cases.js';
import { corpusPath } from './multihop.js';
import { round } from './scoring.js';
import { ScriptedChatServer } from './scripted-chat-server.js';

/**
 * `npm run eval-citations`: how well the citation check tells supported sentences from altered
 * ones. Answers are generated from the sample and benchmark articles (true sentences mixed with
 * altered ones), served by a scripted OpenAI-compatible server on 127.0.0.1, read back through the
 * real model client, and checked. A sentence counts as kept correctly when the check keeps it
 * citing the passage that states it.
 */
const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: '../shared/bench/multihop' },
    samples: { type: 'string', default: 'data/samples' },
    answers: { type: 'string', default: '50' },
    seed: { type: 'string', default: '7' },
    json: { type: 'boolean', default: false },
  },
});
configureLogger(loadConfig().log, 'warn');

const sampleFiles = readdirSync(values.samples).map((name) => path.join(values.samples, name));
const inputs = (
  await Promise.all([corpusPath(values.dataset), ...sampleFiles].map((file) => readArticleFile(file)))
).flat();
const sources = inputs.flatMap((input, index) => {
  try {
    const article = prepareArticle(input);
    return article.passages.map((passage) => ({ articleId: String(index), title: article.title, text: passage.text }));
  } catch {
    return [];
  }
});
const cases = generateCitationCases(sources, Number(values.answers), Number(values.seed));

// Each draft goes through a real HTTP round trip and the real client, as a model's answer would.
const server = await ScriptedChatServer.start();
const writer = await ModelWriter.fromConfig({
  baseUrl: server.url,
  apiKey: undefined,
  model: 'scripted',
  timeoutMs: 10_000,
  streaming: true,
});
const received: string[] = [];
for (const entry of cases) {
  server.reply({ content: entry.draft });
  received.push(await writer.write('What happened?', entry.passages));
}
await server.close();

interface Tally {
  sentences: number;
  kept: number;
  keptCorrectly: number;
}

function score(threshold: number) {
  const byKind = new Map<CaseKind, Tally>();
  let truePositives = 0;
  let kept = 0;
  let supported = 0;
  cases.forEach((entry: CitationCase, index) => {
    const check = checkCitations(received[index] ?? '', entry.passages, threshold);
    for (const sentence of entry.sentences) {
      // Compared folded: the draft's punctuation around a marker may differ from the source sentence's.
      const text = foldForComparison(sentence.text);
      const outcome = check.kept.find((candidate) => foldForComparison(candidate.text) === text);
      const correct = outcome !== undefined && sentence.truth !== undefined && outcome.sources.includes(sentence.truth);
      const tally = byKind.get(sentence.kind) ?? { sentences: 0, kept: 0, keptCorrectly: 0 };
      tally.sentences += 1;
      if (outcome) tally.kept += 1;
      if (correct) tally.keptCorrectly += 1;
      byKind.set(sentence.kind, tally);
      if (outcome) kept += 1;
      if (correct) truePositives += 1;
      if (sentence.truth !== undefined) supported += 1;
    }
  });
  return {
    threshold,
    precision: kept > 0 ? truePositives / kept : 0,
    recall: supported > 0 ? truePositives / supported : 0,
    byKind,
  };
}

const chosen = score(SUPPORT_THRESHOLD);
const sweep = [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8].map((threshold) => {
  const result = score(threshold);
  return { threshold, precision: round(result.precision), recall: round(result.recall) };
});
const byKind = Object.fromEntries(
  [...chosen.byKind].map(([kind, tally]) => [
    kind,
    {
      sentences: tally.sentences,
      kept: tally.kept,
      kept_correctly: tally.keptCorrectly,
      supported: SUPPORTED_KINDS.includes(kind),
    },
  ]),
);
const report = {
  answers: cases.length,
  sentences: cases.reduce((sum, entry) => sum + entry.sentences.length, 0),
  threshold: SUPPORT_THRESHOLD,
  precision: round(chosen.precision),
  recall: round(chosen.recall),
  by_kind: byKind,
  sweep,
};

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`${report.answers} answers, ${report.sentences} sentences, threshold ${report.threshold}`);
  console.log(`precision ${report.precision}  recall ${report.recall}`);
  console.log('kind                      sentences  kept  kept citing the right passage');
  for (const [kind, tally] of Object.entries(byKind)) {
    console.log(
      `${kind.padEnd(26)}${String(tally.sentences).padStart(9)}${String(tally.kept).padStart(6)}${String(tally.kept_correctly).padStart(8)}`,
    );
  }
  console.log('threshold  precision  recall');
  for (const row of sweep)
    console.log(`${String(row.threshold).padEnd(11)}${String(row.precision).padEnd(11)}${row.recall}`);
}
