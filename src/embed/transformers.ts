import { Embeddings } from '@langchain/core/embeddings';
import { ConfigError, EmbeddingError } from '../errors.js';
import { inBatches } from './embedding-model.js';

/** The part of Transformers.js' feature-extraction pipeline this provider uses. */
type FeatureExtractor = (
  texts: string[],
  options: { pooling: 'mean'; normalize: boolean },
) => Promise<{ tolist(): number[][] }>;

interface TransformersModule {
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
  pipeline(
    task: 'feature-extraction',
    model: string,
    options?: { local_files_only?: boolean },
  ): Promise<FeatureExtractor>;
}

/**
 * A sentence-embedding model in the Transformers.js layout, read from a local folder. The
 * package `@huggingface/transformers` is an optional peer dependency: install it to use this.
 */
export class TransformersEmbeddings extends Embeddings {
  private constructor(
    private readonly extract: FeatureExtractor,
    private readonly batchSize: number,
  ) {
    super({ maxRetries: 0, maxConcurrency: 1 });
  }

  /** Load the model from `modelPath` with remote downloads switched off. */
  static async load(modelPath: string, batchSize = 16): Promise<TransformersEmbeddings> {
    const moduleName = '@huggingface/transformers';
    let transformers: TransformersModule;
    try {
      transformers = (await import(moduleName)) as TransformersModule;
    } catch (error) {
      throw new ConfigError(
        'EMBEDDING_PROVIDER=transformers needs the optional package @huggingface/transformers: run `npm install @huggingface/transformers`.',
        { cause: error },
      );
    }
    transformers.env.allowRemoteModels = false;
    transformers.env.allowLocalModels = true;
    try {
      const extract = await transformers.pipeline('feature-extraction', modelPath, { local_files_only: true });
      return new TransformersEmbeddings(extract, batchSize);
    } catch (error) {
      throw new ConfigError(`EMBEDDING_MODEL_PATH: no Transformers.js model could be loaded from ${modelPath}.`, {
        cause: error,
      });
    }
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (const batch of inBatches(documents, this.batchSize)) {
      const output = await this.extract(batch, { pooling: 'mean', normalize: true });
      vectors.push(...output.tolist());
    }
    return vectors;
  }

  override async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([document]);
    if (!vector) throw new EmbeddingError('The model returned no vector.');
    return vector;
  }
}
