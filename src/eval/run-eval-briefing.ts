import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ClusterOptions, clusterStories, DEFAULT_CLUSTER_OPTIONS } from '../briefing/cluster-stories.js';
import { composeBriefing } from '../briefing/compose-briefing.js';
import {
  documentFrequencies,
  nameVector,
  type ProfiledArticle,
  smoothedIdf,
  termVector,
} from '../briefing/story-profile.js';
import { loadConfig } from '../config.js';
import { inBatches } from '../embed/embedding-model.js';
import { loadEmbeddingModel } from '../embed/load-embedding-model.js';
import { passageEmbeddingText } from '../ingest/ingest-service.js';
import { prepareArticle } from '../ingest/prepare.js';
import { readArticleFile } from '../ingest/read-file.js';
import { configureLogger } from '../logger.js';
import { progress } from '../terminal/progress.js';
import { outletBoilerplateIn, withoutBoilerplate } from '../text/outlet-boilerplate.js';
import { evaluateGoldStories } from './gold-stories.js';
import { corpusPath } from './multihop.js';
import { round } from './scoring.js';

/**
 * `npm run eval-briefing`: how well stories are told apart on MultiHop-RAG. Articles are cleaned and
 * split by the normal ingest code; each is represented, as in a real briefing, by its first
 * passage's embedding (headline + lead) and TF-IDF terms. For every day window, the window's
 * articles are clustered; each pair of articles that one inference question links and that fall in
 * the same window should land in the same story.
 */
const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: '../shared/bench/multihop' },
    json: { type: 'boolean', default: false },
    sweep: { type: 'boolean', default: false },
    'window-hours': { type: 'string', default: '24' },
    // Diagnostics: list the cross-category merges and the linked pairs left apart.
    explain: { type: 'boolean', default: false },
    // Hand-made gold stories (../shared/bench/stories-dev/gold-dev.json): score the grouping against them.
    gold: { type: 'string' },
    predictions: { type: 'string' },
    'data-dir': { type: 'string' },
    threshold: { type: 'string' },
    'dense-weight': { type: 'string' },
  },
});
configureLogger(loadConfig().log, 'warn');
const clusterOptions: ClusterOptions = {
  ...DEFAULT_CLUSTER_OPTIONS,
  ...(values.threshold ? { threshold: Number(values.threshold) } : {}),
  ...(values['dense-weight'] ? { denseWeight: Number(values['dense-weight']) } : {}),
};
if (values.gold) {
  const result = await evaluateGoldStories(loadConfig(), {
    gold: values.gold,
    corpus: values.dataset,
    dataDir: values['data-dir'],
    cluster: clusterOptions,
    predictions: values.predictions,
  });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printGoldStories(result);
} else {
  await evaluateMultihopWindows();
}

function printGoldStories(result: Awaited<ReturnType<typeof evaluateGoldStories>>): void {
  const line = (name: string, r: Record<string, unknown>) =>
    console.log(
      `${name.padEnd(24)} ${['pairwise_precision', 'pairwise_recall', 'pairwise_f1', 'bcubed_f1'].map((key) => String(r[key]).padEnd(8)).join(' ')}`,
    );
  console.log('window                   pair-P   pair-R   pair-F1  B3-F1');
  for (const window of result.windows) line(String(window.window), window);
  line('overall', result);
  console.log(`big stories told as one top story: ${result.big_story_recall} of ${result.big_stories}`);
  console.log(`composing a window's briefing: ${result.compose_ms_per_window} ms`);
  console.log(`composing a briefing of 300 articles: ${result.compose_ms_300_articles ?? 'n/a'} ms`);
}

/** The MultiHop-RAG day windows: pairs one inference question links should share a story. */
async function evaluateMultihopWindows(): Promise<void> {
  interface EvalArticle extends ProfiledArticle {
    category: string | undefined;
    window: number;
  }

  interface RawQuestion {
    question_type: string;
    evidence_list: { title: string; source: string }[];
  }

  const windowMs = Number(values['window-hours']) * 3_600_000;
  if (!(windowMs > 0)) {
    console.error('--window-hours must be a positive number');
    process.exit(2);
  }

  const config = loadConfig();
  const model = await loadEmbeddingModel(config.embedding);
  const inputs = await readArticleFile(corpusPath(values.dataset));
  const prepared = inputs.map((input) => ({ input, article: prepareArticle(input) }));
  // The lead passage is embedded as stored; its outlet's repeated sentences are left out of what the
  // briefing reads, as BriefingService does with the library's counts.
  const rawLeads = prepared.map(({ article }) => article.passages[0]?.text ?? '');
  const isBoilerplate = outletBoilerplateIn(
    prepared.map(({ article }) => ({ source: article.source ?? null, body: article.body })),
  );
  const leads = prepared.map(({ article }, index) =>
    withoutBoilerplate(rawLeads[index] ?? '', article.source ?? null, isBoilerplate),
  );
  const backgroundFrequencies = documentFrequencies(
    prepared.map(({ article }, index) => `${article.title} ${leads[index]}`),
  );
  const idf = smoothedIdf(backgroundFrequencies.documents, backgroundFrequencies.frequencies);

  const vectors: Float32Array[] = [];
  const texts = prepared.map(({ article }, index) => passageEmbeddingText(article.title, rawLeads[index] ?? ''));
  for (const batch of inBatches(texts, 32)) {
    for (const vector of await model.embeddings.embedDocuments(batch)) vectors.push(Float32Array.from(vector));
    progress('embed', vectors.length, texts.length);
  }

  const articles: EvalArticle[] = prepared.map(({ input, article }, index) => {
    const publishedAt = Date.parse(article.publishedAt ?? '');
    return {
      id: String(index),
      title: article.title,
      source: article.source ?? null,
      url: article.url ?? null,
      publishedAt,
      lead: leads[index] ?? '',
      vector: vectors[index] ?? new Float32Array(model.dimensions),
      terms: termVector(article.title, leads[index] ?? '', idf),
      names: nameVector(article.title, leads[index] ?? '', idf),
      category: input.category,
      window: Math.floor(publishedAt / windowMs),
    };
  });

  // Pairs of articles that one inference question links, within one window.
  const byKey = new Map(
    articles.map((article, index) => [`${inputs[index]?.title}\u0000${inputs[index]?.source}`, article]),
  );
  const questions = JSON.parse(readFileSync(path.join(values.dataset, 'MultiHopRAG.json'), 'utf8')) as RawQuestion[];
  const pairs = new Map<string, [EvalArticle, EvalArticle]>();
  for (const question of questions.filter((candidate) => candidate.question_type === 'inference_query')) {
    const linked = question.evidence_list
      .map((evidence) => byKey.get(`${evidence.title}\u0000${evidence.source}`))
      .filter((article): article is EvalArticle => article !== undefined);
    for (const [i, a] of linked.entries()) {
      for (const b of linked.slice(i + 1)) {
        if (a === b || a.window !== b.window) continue;
        const [first, second] = Number(a.id) < Number(b.id) ? [a, b] : [b, a];
        pairs.set(`${first.id}-${second.id}`, [first, second]);
      }
    }
  }

  const windows = new Map<number, EvalArticle[]>();
  for (const article of articles) windows.set(article.window, [...(windows.get(article.window) ?? []), article]);

  function evaluate(options: ClusterOptions) {
    const storyOf = new Map<string, string>();
    let mergedPairs = 0;
    let crossCategory = 0;
    let stories = 0;
    let multiArticleStories = 0;
    for (const [window, members] of windows) {
      for (const [index, story] of clusterStories(members, options).entries()) {
        stories += 1;
        if (story.length > 1) multiArticleStories += 1;
        for (const article of story) storyOf.set(article.id, `${window}:${index}`);
        for (const [i, a] of (story as EvalArticle[]).entries()) {
          for (const b of (story as EvalArticle[]).slice(i + 1)) {
            mergedPairs += 1;
            if (a.category !== b.category) {
              crossCategory += 1;
              if (values.explain) console.log(`merged ${a.category}/${b.category}: ${a.title} | ${b.title}`);
            }
          }
        }
      }
    }
    const together = [...pairs.values()].filter(([a, b]) => storyOf.get(a.id) === storyOf.get(b.id)).length;
    if (values.explain) {
      for (const [a, b] of pairs.values()) {
        if (storyOf.get(a.id) !== storyOf.get(b.id)) console.log(`apart: ${a.title} | ${b.title}`);
      }
    }
    return {
      same_story_recall: pairs.size === 0 ? 0 : together / pairs.size,
      cross_category_merge_rate: mergedPairs === 0 ? 0 : crossCategory / mergedPairs,
      pairs: pairs.size,
      merged_pairs: mergedPairs,
      stories,
      multi_article_stories: multiArticleStories,
    };
  }

  /** Median time to compose a briefing (cluster, tell, number) from 100 articles consecutive by date, over five runs. */
  function msPer100Articles(options: ClusterOptions): number {
    const sample = [...articles].sort((a, b) => a.publishedAt - b.publishedAt).slice(0, 100);
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      composeBriefing(sample, { since: '', until: '', timeZone: 'UTC', cluster: options });
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[2] ?? 0;
  }

  if (values.sweep) {
    console.log('dense_weight threshold recall cross_category merged_pairs multi_article_stories');
    for (const denseWeight of [0, 0.25, 0.5, 0.75, 1]) {
      for (let threshold = 0.15; threshold <= 0.751; threshold += 0.05) {
        const result = evaluate({ ...DEFAULT_CLUSTER_OPTIONS, denseWeight, threshold });
        console.log(
          [
            denseWeight,
            round(threshold),
            round(result.same_story_recall),
            round(result.cross_category_merge_rate),
            result.merged_pairs,
            result.multi_article_stories,
          ].join(' '),
        );
      }
    }
  } else {
    const result = {
      ...evaluate(DEFAULT_CLUSTER_OPTIONS),
      windows: windows.size,
      window_hours: Number(values['window-hours']),
      articles: articles.length,
      ms_per_100_articles: round(msPer100Articles(DEFAULT_CLUSTER_OPTIONS)),
      options: DEFAULT_CLUSTER_OPTIONS,
    };
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(
        `same-story recall        ${round(result.same_story_recall)} (${result.pairs} linked pairs in one window)`,
      );
      console.log(
        `cross-category merges    ${round(result.cross_category_merge_rate)} of ${result.merged_pairs} merged pairs`,
      );
      console.log(
        `stories                  ${result.stories} (${result.multi_article_stories} with 2+ articles) in ${result.windows} windows`,
      );
      console.log(`time per 100 articles    ${result.ms_per_100_articles} ms (composing a briefing)`);
    }
  }
}
