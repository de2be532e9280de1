import type { EmbeddingModel } from '../embed/embedding-model.js';
import { isUserError, type UserError } from '../errors.js';
import { componentLogger } from '../logger.js';
import type { StoredArticle } from '../store/article-store.js';
import type { NewsLibrary } from '../store/news-library.js';
import type { ArticleInput, PreparedArticle } from './article.js';
import { type ChunkOptions, DEFAULT_CHUNK_OPTIONS } from './chunk.js';
import { prepareArticle } from './prepare.js';
import { listArticleFiles, readArticleFile } from './read-file.js';

const log = componentLogger('ingest');

/** How far a bulk ingest is: files done of all, passages stored so far, seconds since it began. */
export interface IngestProgress {
  files: number;
  done: number;
  passages: number;
  seconds: number;
}

/** Passages embedded together: large enough to fill the model's batches, small enough to bound memory. */
const PASSAGES_PER_EMBEDDING_ROUND = 64;

export type IngestOutcome =
  | { origin: string; status: 'added' | 'updated' | 'unchanged'; article: StoredArticle; passageCount: number }
  | { origin: string; status: 'failed'; error: UserError };

/** The text embedded for a passage: the headline gives a short passage its subject. */
export function passageEmbeddingText(title: string, passage: string): string {
  return `${title}\n\n${passage}`;
}

interface Pending {
  origin: string;
  prepared: PreparedArticle;
  existing: StoredArticle | undefined;
}

/** Cleans, splits, embeds and stores articles for one guild at a time. */
export class IngestService {
  constructor(
    private readonly library: NewsLibrary,
    private readonly model: EmbeddingModel,
    private readonly chunkOptions: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
  ) {}

  /**
   * Ingest articles into a guild; each article gets its own outcome, and one bad article does not
   * stop the rest; `onProgress` hears how many are done after each round is saved. Rounds overlap: while one round's passages are embedded (in the model's worker
   * threads), the next articles are prepared and the round before is saved.
   */
  async ingestArticles(
    inputs: readonly ArticleInput[],
    guildId: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = [];
    let round: Pending[] = [];
    let roundPassages = 0;
    const keysInRound = new Set<string>();
    // The round being embedded, saved once its vectors are back; its keys, for duplicates that follow it.
    let inFlight: Promise<void> | undefined;
    let keysInFlight = new Set<string>();

    const settleInFlight = async (): Promise<void> => {
      const saving = inFlight;
      inFlight = undefined;
      keysInFlight = new Set();
      if (saving) await saving;
    };
    const finishRound = async (): Promise<void> => {
      if (round.length === 0) return;
      const current = round;
      const embedding = this.embed(current);
      // The round before is saved (in order) while this one is embedded.
      await settleInFlight();
      inFlight = embedding.then((vectors) => {
        outcomes.push(...this.save(current, vectors, guildId));
        onProgress?.(outcomes.length, inputs.length);
      });
      // Handled when awaited; this keeps a failure from counting as unhandled meanwhile.
      inFlight.catch(() => undefined);
      keysInFlight = new Set(keysInRound);
      round = [];
      roundPassages = 0;
      keysInRound.clear();
    };

    for (const input of inputs) {
      const origin = input.origin ?? input.title;
      let prepared: PreparedArticle;
      try {
        prepared = prepareArticle(input, this.chunkOptions);
      } catch (error) {
        if (!isUserError(error)) {
          await settleInFlight().catch(() => undefined);
          throw error;
        }
        outcomes.push({ origin, status: 'failed', error });
        continue;
      }
      // The same article twice must see its first copy stored before it is looked up.
      const keys = [prepared.contentHash, prepared.url].filter((key): key is string => key !== undefined);
      if (keys.some((key) => keysInRound.has(key))) await finishRound();
      if (keys.some((key) => keysInFlight.has(key))) await settleInFlight();
      const existing = this.library.findExisting(guildId, prepared.url, prepared.contentHash);
      if (existing && isUnchanged(existing, prepared)) {
        outcomes.push({ origin, status: 'unchanged', article: existing, passageCount: existing.passageCount });
        continue;
      }
      round.push({ origin, prepared, existing });
      for (const key of keys) keysInRound.add(key);
      roundPassages += prepared.passages.length;
      if (roundPassages >= PASSAGES_PER_EMBEDDING_ROUND) await finishRound();
    }
    await finishRound();
    await settleInFlight();
    this.library.flush();
    return outcomes;
  }

  /**
   * Ingest files and folders (recursively); a file that cannot be read becomes a failed outcome.
   * `onProgress` hears after each file how far the ingest is.
   */
  async ingestFiles(
    paths: readonly string[],
    guildId: string,
    onProgress?: (progress: IngestProgress) => void,
  ): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = [];
    const files = await listArticleFiles(paths);
    const started = performance.now();
    let passages = 0;
    const report = (done: number) =>
      onProgress?.({ files: files.length, done, passages, seconds: (performance.now() - started) / 1000 });
    for (const [index, file] of files.entries()) {
      if (index > 0) report(index);
      let inputs: ArticleInput[];
      try {
        inputs = await readArticleFile(file);
      } catch (error) {
        if (!isUserError(error)) throw error;
        outcomes.push({ origin: file, status: 'failed', error });
        continue;
      }
      const stored = await this.ingestArticles(inputs, guildId);
      for (const outcome of stored) if (outcome.status !== 'failed') passages += outcome.passageCount;
      outcomes.push(...stored);
    }
    report(files.length);
    return outcomes;
  }

  private async embed(round: readonly Pending[]): Promise<Float32Array[]> {
    const texts = round.flatMap(({ prepared }) =>
      prepared.passages.map((passage) => passageEmbeddingText(prepared.title, passage.text)),
    );
    const started = performance.now();
    const vectors = (await this.model.embeddings.embedDocuments(texts)).map((vector) => Float32Array.from(vector));
    log.debug({ passages: texts.length, ms: Math.round(performance.now() - started) }, 'embedded');
    return vectors;
  }

  private save(round: readonly Pending[], vectors: readonly Float32Array[], guildId: string): IngestOutcome[] {
    let offset = 0;
    return round.map(({ origin, prepared, existing }) => {
      const own = vectors.slice(offset, offset + prepared.passages.length);
      offset += prepared.passages.length;
      const saved = this.library.saveArticle(guildId, prepared, own, existing);
      log.info(
        {
          guildId,
          articleId: saved.article.id,
          status: saved.status,
          passages: saved.passageIds.length,
          removedParagraphs: prepared.removedParagraphs,
        },
        'article stored',
      );
      return { origin, status: saved.status, article: saved.article, passageCount: saved.passageIds.length };
    });
  }
}

function isUnchanged(existing: StoredArticle, prepared: PreparedArticle): boolean {
  return (
    existing.contentHash === prepared.contentHash &&
    existing.title === prepared.title &&
    (prepared.source ?? existing.source) === existing.source &&
    (prepared.url ?? existing.url) === existing.url &&
    (prepared.publishedAt ?? existing.publishedAt) === existing.publishedAt
  );
}
