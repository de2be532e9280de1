import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.js';
import { type EmbeddingModel, inBatches } from '../embed/embedding-model.js';
import { PooledEmbeddings } from '../embed/embedding-pool.js';
import { loadEmbeddingModel } from '../embed/load-embedding-model.js';
import { corpusPath, loadQuestions } from '../eval/multihop.js';
import type { ArticleInput, PreparedArticle } from '../ingest/article.js';
import { passageEmbeddingText } from '../ingest/ingest-service.js';
import { prepareArticle } from '../ingest/prepare.js';
import { readArticleFile } from '../ingest/read-file.js';
import { configureLogger } from '../logger.js';
import { Newsdesk } from '../newsdesk.js';
import { HNSW_EF_SEARCH } from '../store/search/vector-index.js';
import { median, quantile, round } from './stats.js';
import { clusteredUnitVectors, copyOf } from './synthetic.js';
import { measureVectorScale } from './vector-scale.js';

/**
 * `npm run bench [-- --quick] [--scale] [--json]`: where the time and memory go, each figure beside the
 * raw model cost it is compared with, measured in one run on this machine. Real text comes from the
 * MultiHop-RAG corpus in ../shared; large libraries reuse its passages with random vectors.
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    // The vector index alone at 10k, 100k and 1M passages (about 15 more minutes).
    scale: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    dataset: { type: 'string', default: '../shared/bench/multihop' },
  },
});
const GUILD = 'bench';
/** Search breadths whose recall and speed are measured (the default is HNSW_EF_SEARCH). */
const EF_VALUES = [50, 100, 200, 400];
/** The noise added to blends of real vectors (relative to a unit vector's length). */
const SPREAD = 0.3;
const plan = values.quick
  ? {
      ingestArticles: 8,
      repetitions: 1,
      batchSizes: [8, 16],
      sizes: [1_000],
      questions: 20,
      recallQueries: 20,
      centreArticles: 4,
    }
  : {
      ingestArticles: 40,
      repetitions: 3,
      batchSizes: [1, 8, 16, 32, 64],
      sizes: [1_000, 10_000, 100_000],
      questions: 50,
      recallQueries: 100,
      centreArticles: 20,
    };

const log = (line: string) => process.stderr.write(`${line}\n`);

/** What every measurement shares: the configuration, the loaded model, the corpus and its vectors. */
interface Bench {
  config: Config;
  model: EmbeddingModel;
  prepared: PreparedArticle[];
  questions: string[];
  /** Real passage embeddings that the synthetic libraries' vectors are scattered around. */
  centres: Float32Array[];
  questionVectors: Float32Array[];
  /** A corpus article not in the synthetic libraries' text, stored once to measure index writes. */
  sampleArticle: ArticleInput | undefined;
}

function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function embedTexts(
  { config, model }: Pick<Bench, 'config' | 'model'>,
  texts: readonly string[],
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (const batch of inBatches(texts, config.embedding.batchSize)) {
    for (const vector of await model.embeddings.embedDocuments(batch)) vectors.push(Float32Array.from(vector));
  }
  return vectors;
}

async function embedAll(model: EmbeddingModel, texts: readonly string[], batchSize: number): Promise<void> {
  for (const batch of inBatches(texts, batchSize)) await model.embeddings.embedDocuments(batch);
}

/** 1. Passages per second through the whole pipeline against the raw model on the same texts. */
async function measureIngest({ config, model }: Bench, sample: readonly ArticleInput[]) {
  const texts = sample.flatMap((input) => {
    const article = prepareArticle(input);
    return article.passages.map((passage) => passageEmbeddingText(article.title, passage.text));
  });
  const raw: number[] = [];
  const pipeline: number[] = [];
  for (let run = 0; run < plan.repetitions; run += 1) {
    let started = performance.now();
    await embedAll(model, texts, config.embedding.batchSize);
    raw.push(texts.length / ((performance.now() - started) / 1000));
    const temp = tempDir();
    const newsdesk = await Newsdesk.open({ ...config, llm: undefined, dataDir: temp.dir }, { model });
    started = performance.now();
    await newsdesk.ingestArticles(sample, GUILD);
    pipeline.push(texts.length / ((performance.now() - started) / 1000));
    newsdesk.close();
    temp.remove();
  }
  return {
    passages: texts.length,
    raw_pps: median(raw),
    pipeline_pps: median(pipeline),
    ratio: median(pipeline) / median(raw),
  };
}

/** 2. Model throughput and memory per batch size. */
async function measureBatches({ model, prepared }: Bench) {
  const texts = prepared
    .slice(0, 12)
    .flatMap((article) => article.passages.map((passage) => passage.text))
    .slice(0, 64);
  const rows: { batch: number; pps: number; rss_mb: number }[] = [];
  for (const batch of plan.batchSizes) {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    await embedAll(model, texts, batch);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    rows.push({ batch, pps: round(texts.length / seconds, 1), rss_mb: round(peak / 1024 / 1024, 0) });
  }
  return rows;
}

/**
 * A library of about `size` passages: real corpus text (copied as needed), and vectors scattered
 * around real passage embeddings (embedding 100k passages would take hours here).
 */
function buildLibrary({ prepared, centres }: Bench, newsdesk: Newsdesk, size: number): Float32Array[] {
  const vectors: Float32Array[] = [];
  let stored = 0;
  for (let copy = 0; stored < size; copy += 1) {
    for (const article of prepared) {
      if (stored >= size) break;
      const own = clusteredUnitVectors(
        article.passages.length,
        centres.slice(stored % centres.length),
        SPREAD,
        1 + stored,
      );
      newsdesk.library.saveArticle(GUILD, copyOf(article, copy), own, undefined);
      vectors.push(...own);
      stored += article.passages.length;
    }
  }
  newsdesk.library.flush();
  return vectors;
}

/** 3-5. Query latency, index recall against exact search, and start-up in a fresh process, at one size. */
async function measureSize(bench: Bench, size: number, questionCost: number) {
  const { config, model, questions, questionVectors } = bench;
  const temp = tempDir();
  const newsdesk = await Newsdesk.open({ ...config, llm: undefined, dataDir: temp.dir }, { model });
  let started = performance.now();
  const vectors = buildLibrary(bench, newsdesk, size);
  const buildS = (performance.now() - started) / 1000;
  const latencies: number[] = [];
  for (const question of questions) {
    started = performance.now();
    await newsdesk.ask(GUILD, question);
    latencies.push(performance.now() - started);
  }
  // Exact search over the same vectors, for recall@10 and the speed-up of the index, at several search breadths.
  const queries = clusteredUnitVectors(plan.recallQueries, questionVectors, SPREAD, 999);
  const ids = newsdesk.library.vectorPassageIds(GUILD);
  let exactMs = 0;
  const exact = queries.map((query) => {
    started = performance.now();
    const nearest = vectors
      .map((vector, index) => {
        let dot = 0;
        for (let i = 0; i < vector.length; i += 1) dot += (vector[i] ?? 0) * (query[i] ?? 0);
        return { id: ids[index] ?? -1, dot };
      })
      .sort((a, b) => b.dot - a.dot)
      .slice(0, 10)
      .map((entry) => entry.id);
    exactMs += performance.now() - started;
    return nearest;
  });
  const byEf = EF_VALUES.map((ef) => {
    let hits = 0;
    let indexMs = 0;
    queries.forEach((query, position) => {
      const began = performance.now();
      const found = new Set(newsdesk.library.searchVectors(GUILD, query, 10, undefined, ef).map((hit) => hit.id));
      indexMs += performance.now() - began;
      hits += (exact[position] ?? []).filter((id) => found.has(id)).length;
    });
    return {
      ef,
      recall10: round(hits / (queries.length * 10)),
      ms_per_search: round(indexMs / queries.length, 2),
      speedup: round(exactMs / Math.max(indexMs, 0.001), 1),
    };
  });
  const chosen = byEf.find((row) => row.ef === HNSW_EF_SEARCH) ?? byEf[0];
  // Bytes the index files take on when one more article is stored through the normal ingest path.
  const before = indexFileStates(temp.dir);
  const sample = bench.sampleArticle as ArticleInput;
  const added = { ...sample, url: `https://bench.example/${size}`, body: `${sample.body}\n\nBench note ${size}.` };
  await newsdesk.ingestArticles([added], GUILD);
  const indexBytesPerArticle = bytesRewritten(before, indexFileStates(temp.dir));
  newsdesk.close();
  // A keyword index rebuilt from the database (its file gone), timed at the guild's first search.
  rmSync(path.join(temp.dir, 'keywords'), { recursive: true, force: true });
  const reopened = await Newsdesk.open({ ...config, llm: undefined, dataDir: temp.dir }, { model });
  started = performance.now();
  reopened.library.termFrequencies(GUILD, []);
  const keywordRebuildS = (performance.now() - started) / 1000;
  reopened.close();
  const probe = JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'startup-probe.ts'), temp.dir, GUILD, questions[0] ?? 'news'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ),
  ) as { ready_s: number; rss_mb: number };
  temp.remove();
  const p50 = quantile(latencies, 0.5);
  return {
    passages: vectors.length,
    build_s: round(buildS, 1),
    query_p50_ms: round(p50, 1),
    query_p95_ms: round(quantile(latencies, 0.95), 1),
    query_p50_over_embedding: round(p50 / questionCost, 2),
    hnsw_recall10: chosen?.recall10 ?? null,
    hnsw_speedup: chosen?.speedup ?? null,
    hnsw_by_ef: byEf,
    startup_s: round(probe.ready_s, 2),
    rss_mb: round(probe.rss_mb, 0),
    index_bytes_per_article: indexBytesPerArticle,
    keyword_rebuild_s: round(keywordRebuildS, 2),
  };
}

/** Size and modification time of every index file under a data folder. */
function indexFileStates(dataDir: string): Map<string, { size: number; mtimeMs: number }> {
  const states = new Map<string, { size: number; mtimeMs: number }>();
  for (const folder of ['keywords', 'vectors']) {
    const dir = path.join(dataDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const { size, mtimeMs } = statSync(path.join(dir, name));
      states.set(path.join(folder, name), { size, mtimeMs });
    }
  }
  return states;
}

/** The bytes of the index files written between two looks (a rewritten file counts whole). */
function bytesRewritten(
  before: ReadonlyMap<string, { size: number; mtimeMs: number }>,
  after: ReadonlyMap<string, { size: number; mtimeMs: number }>,
): number {
  let bytes = 0;
  for (const [name, state] of after) {
    const old = before.get(name);
    if (!old || old.mtimeMs !== state.mtimeMs || old.size !== state.size) bytes += state.size;
  }
  return bytes;
}

async function questionEmbeddingMs(embedding: EmbeddingModel, questions: readonly string[]): Promise<number> {
  const times: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    await embedding.embeddings.embedQuery(question);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Load the model and the corpus, then run every measurement and print the figures. */
async function main(): Promise<void> {
  const config = loadConfig();
  configureLogger({ ...config.log, level: 'warn' });
  const model = await loadEmbeddingModel(config.embedding);
  // Ingest is timed with every worker's model loaded, as in a bot that has ingested before.
  if (model.embeddings instanceof PooledEmbeddings) await model.embeddings.warmWorkers();
  const inputs = await readArticleFile(corpusPath(values.dataset));
  const prepared: PreparedArticle[] = inputs.flatMap((input) => {
    try {
      return [prepareArticle(input)];
    } catch {
      return [];
    }
  });
  const questions = loadQuestions(values.dataset, 'dev')
    .filter((question) => question.questionType !== 'null_query')
    .slice(0, plan.questions)
    .map((question) => question.query);
  log('real embeddings for the synthetic libraries');
  const centres = await embedTexts(
    { config, model },
    prepared
      .slice(0, plan.centreArticles)
      .flatMap((article) => article.passages.map((passage) => passageEmbeddingText(article.title, passage.text))),
  );
  const questionVectors = await embedTexts({ config, model }, questions);
  const bench: Bench = { config, model, prepared, questions, centres, questionVectors, sampleArticle: inputs.at(-1) };

  log(`ingest: ${plan.ingestArticles} articles x ${plan.repetitions}`);
  const ingest = await measureIngest(bench, inputs.slice(0, plan.ingestArticles));
  log('embedding batch sizes');
  const batches = await measureBatches(bench);
  const questionMs = await questionEmbeddingMs(model, questions);
  const sizes: Record<string, Awaited<ReturnType<typeof measureSize>>> = {};
  for (const size of plan.sizes) {
    log(`library of ${size} passages`);
    sizes[size] = await measureSize(bench, size, questionMs);
  }
  const vectorScale = values.scale
    ? measureVectorScale(
        values.quick ? [1_000, 10_000] : [10_000, 100_000, 1_000_000],
        centres,
        clusteredUnitVectors(30, questionVectors, SPREAD, 555),
        SPREAD,
        log,
      )
    : undefined;
  const largest = sizes[100_000];
  const best = batches.reduce((a, b) => (b.pps > a.pps ? b : a));
  const result = {
    quick: values.quick,
    ingest_ratio: round(ingest.ratio),
    ingest_pipeline_pps: round(ingest.pipeline_pps, 1),
    ingest_raw_pps: round(ingest.raw_pps, 1),
    ingest_passages: ingest.passages,
    embed_passages_per_s: best.pps,
    embed_best_batch: best.batch,
    embed_batches: batches,
    question_embedding_ms: round(questionMs, 1),
    sizes,
    // No pool of embedding workers yet: the pipeline is compared with one core's raw model.
    ingest_cores_ratio: round(ingest.ratio),
    index_bytes_per_article_100k: largest?.index_bytes_per_article ?? null,
    keyword_rebuild_s_100k: largest?.keyword_rebuild_s ?? null,
    query_p50_ms_100k: largest?.query_p50_ms ?? null,
    query_p95_ms_100k: largest?.query_p95_ms ?? null,
    hnsw_recall10_100k: largest?.hnsw_recall10 ?? null,
    startup_s_100k: largest?.startup_s ?? null,
    rss_mb_per_100k: largest ? largest.rss_mb : null,
    vector_scale: vectorScale ?? null,
  };
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(
      `ingest: pipeline ${result.ingest_pipeline_pps} passages/s vs raw model ${result.ingest_raw_pps}/s -> ratio ${result.ingest_ratio} (${ingest.passages} passages)`,
    );
    console.log(
      `embedding: ${batches.map((row) => `batch ${row.batch}: ${row.pps}/s, rss ${row.rss_mb} MB`).join('; ')}`,
    );
    console.log(`one question embedded: ${result.question_embedding_ms} ms`);
    for (const row of Object.values(sizes)) {
      console.log(
        `${row.passages} passages: one more article writes ${row.index_bytes_per_article} bytes of index files; a keyword index rebuild takes ${row.keyword_rebuild_s} s`,
      );
    }
    console.log('passages  build_s  p50_ms  p95_ms  p50/embed  recall@10  speed-up  startup_s  rss_mb');
    for (const row of Object.values(sizes)) {
      console.log(
        [
          row.passages,
          row.build_s,
          row.query_p50_ms,
          row.query_p95_ms,
          row.query_p50_over_embedding,
          row.hnsw_recall10,
          row.hnsw_speedup,
          row.startup_s,
          row.rss_mb,
        ]
          .map((value) => String(value).padEnd(9))
          .join(' '),
      );
    }
    console.log('index search breadth (ef): recall@10 / ms per search');
    for (const row of Object.values(sizes)) {
      console.log(
        `${String(row.passages).padEnd(9)} ${row.hnsw_by_ef.map((entry) => `ef ${entry.ef}: ${entry.recall10} / ${entry.ms_per_search}`).join('   ')}`,
      );
    }
    if (vectorScale) {
      console.log('vector index alone (hnswlib, ef 400): passages / build s / search ms p50 / recall@10');
      for (const row of vectorScale) {
        console.log(`${String(row.passages).padEnd(9)} ${row.build_s} s   ${row.search_ms_p50} ms   ${row.recall10}`);
      }
    }
  }
}

await main();
