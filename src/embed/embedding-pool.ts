import { Worker } from 'node:worker_threads';
import { Embeddings } from '@langchain/core/embeddings';
import { EmbeddingError } from '../errors.js';
import { componentLogger } from '../logger.js';
import { LazyEmbeddings } from './lazy-embeddings.js';

const log = componentLogger('embed');

interface Reply {
  id: number;
  vectors?: Float32Array;
  dimensions?: number;
  error?: string;
}

/** One worker thread with its own model, started on first use. */
class EmbeddingWorker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (rows: number[][]) => void; reject: (error: Error) => void }>();

  embed(texts: readonly string[], batchSize: number): Promise<number[][]> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Held only while it has work, so that a finished command can exit.
      worker.ref();
      worker.postMessage({ id, texts, batchSize });
    });
  }

  close(): void {
    this.worker?.terminate().catch(() => undefined);
    this.worker = undefined;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./embedding-worker.mjs', import.meta.url));
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`the embedding worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settle({ id, vectors, dimensions, error }: Reply): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    if (error !== undefined || !vectors || !dimensions) {
      request.reject(new Error(error ?? 'the embedding worker sent no vectors'));
      return;
    }
    const rows: number[][] = [];
    for (let start = 0; start < vectors.length; start += dimensions)
      rows.push(Array.from(vectors.subarray(start, start + dimensions)));
    request.resolve(rows);
  }

  private failAll(error: Error): void {
    this.worker = undefined;
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }
}

/** `items` cut into `count` contiguous shares whose sizes differ by one at most. */
export function equalShares<T>(items: readonly T[], count: number): T[][] {
  return Array.from({ length: count }, (_, index) =>
    items.slice(Math.round((index * items.length) / count), Math.round(((index + 1) * items.length) / count)),
  ).filter((share) => share.length > 0);
}

/**
 * USE-lite over several cores: `workers` worker threads, each with its own copy of the model,
 * embed the documents (the passages of an ingest), a contiguous share each, while the main thread
 * stays free for Discord; the main thread's model (loaded on first use) embeds questions. A worker
 * that fails leaves its share to the main thread.
 */
export class PooledEmbeddings extends Embeddings {
  private readonly workers: EmbeddingWorker[];
  /** Shares embedded by worker threads so far (the tests read it). */
  workerShares = 0;

  constructor(
    private readonly local: Embeddings,
    workers: number,
    private readonly batchSize: number,
  ) {
    super({});
    this.workers = Array.from({ length: workers }, () => new EmbeddingWorker());
  }

  /** Start loading the main thread's model (workers load theirs on their first share). */
  warm(): void {
    if (this.local instanceof LazyEmbeddings) this.local.warm();
  }

  /** Start every worker and wait until each has loaded its model (the bench times ingest after this). */
  async warmWorkers(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.embed([' '], 1)));
  }

  override embedQuery(document: string): Promise<number[]> {
    return this.local.embedQuery(document);
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    if (this.workers.length === 0 || documents.length === 0) return this.local.embedDocuments(documents);
    // Contiguous shares, one per worker, so that the order of passages is kept; equal in passages
    // rather than in whole batches, so that no worker waits idle for the other (a round of 70
    // passages in batches of 8 is 35 + 35, not 40 + 30). Each worker embeds its share in batches.
    const threads = Math.min(Math.ceil(documents.length / this.batchSize), this.workers.length);
    const shares = equalShares(documents, threads);
    const results = await Promise.all(
      shares.map((share, index) => {
        const worker = this.workers[index] as EmbeddingWorker;
        this.workerShares += 1;
        return worker.embed(share, this.batchSize).catch((error: unknown) => {
          log.warn(
            { reason: error instanceof Error ? error.message : String(error) },
            'embedding worker failed; embedding its share on the main thread',
          );
          return this.local.embedDocuments(share);
        });
      }),
    );
    const vectors = results.flat();
    if (vectors.length !== documents.length)
      throw new EmbeddingError('The embedding pool returned the wrong number of vectors.');
    return vectors;
  }

  /** Stop the worker threads (they also let the process exit when idle). */
  close(): void {
    for (const worker of this.workers) worker.close();
  }
}
