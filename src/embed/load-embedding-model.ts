import type { Config } from '../config.js';
import { EmbeddingError } from '../errors.js';
import { componentLogger } from '../logger.js';
import type { EmbeddingModel } from './embedding-model.js';
import { PooledEmbeddings } from './embedding-pool.js';
import { LazyEmbeddings } from './lazy-embeddings.js';
import { TransformersEmbeddings } from './transformers.js';
import { USE_LITE_DIMENSIONS, USE_LITE_MODEL_ID, UseLiteEmbeddings } from './use-lite.js';

const log = componentLogger('embed');

/**
 * The configured embedding model: USE-lite by default (loaded on first use), or an OpenAI-compatible
 * endpoint, or a local Transformers.js folder (both probed now for their vectors' size).
 */
export async function loadEmbeddingModel(settings: Config['embedding']): Promise<EmbeddingModel> {
  const started = performance.now();
  let model: EmbeddingModel;
  switch (settings.provider) {
    case 'use-lite': {
      // Its id and size are known without loading it, so it loads on first use.
      const local = new LazyEmbeddings(async () => {
        const loading = performance.now();
        const loaded = await UseLiteEmbeddings.load(settings.batchSize);
        log.info(
          { model: USE_LITE_MODEL_ID, dimensions: USE_LITE_DIMENSIONS, ms: Math.round(performance.now() - loading) },
          'embedding model ready',
        );
        return loaded;
      });
      return {
        embeddings: settings.workers > 0 ? new PooledEmbeddings(local, settings.workers, settings.batchSize) : local,
        id: USE_LITE_MODEL_ID,
        dimensions: USE_LITE_DIMENSIONS,
      };
    }
    case 'openai': {
      const name = settings.model ?? 'text-embedding-3-small';
      const { OpenAIEmbeddings } = await import('@langchain/openai');
      const embeddings = new OpenAIEmbeddings({
        model: name,
        apiKey: settings.apiKey ?? 'not-needed',
        batchSize: settings.batchSize,
        maxRetries: 2,
        timeout: 30_000,
        configuration: { baseURL: settings.baseUrl },
      });
      model = await withProbedDimensions(embeddings, `openai:${name}@${settings.baseUrl ?? ''}`);
      break;
    }
    case 'transformers': {
      const modelPath = settings.modelPath ?? '';
      const embeddings = await TransformersEmbeddings.load(modelPath, settings.batchSize);
      model = await withProbedDimensions(embeddings, `transformers:${modelPath}`);
      break;
    }
  }
  log.info(
    { model: model.id, dimensions: model.dimensions, ms: Math.round(performance.now() - started) },
    'embedding model ready',
  );
  return model;
}

async function withProbedDimensions(embeddings: EmbeddingModel['embeddings'], id: string): Promise<EmbeddingModel> {
  let probe: number[];
  try {
    probe = await embeddings.embedQuery('dimension probe');
  } catch (error) {
    throw new EmbeddingError(`The embedding provider ${id} did not answer a test request.`, { cause: error });
  }
  if (probe.length === 0) throw new EmbeddingError(`The embedding provider ${id} returned an empty vector.`);
  return { embeddings, id, dimensions: probe.length };
}
