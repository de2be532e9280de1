import { Embeddings } from '@langchain/core/embeddings';

/**
 * An embedding model that loads on first use: listing or removing articles, and a question that
 * keywords answer, never pay for loading it. `warm()` starts the load early (the bot does at
 * start-up). Concurrent first calls share one load; a failed load is tried again on the next call.
 */
export class LazyEmbeddings extends Embeddings {
  private loading: Promise<Embeddings> | undefined;

  constructor(private readonly load: () => Promise<Embeddings>) {
    super({});
  }

  /** Whether the model has been asked to load. */
  get started(): boolean {
    return this.loading !== undefined;
  }

  /** Start loading the model without waiting for it. */
  warm(): void {
    this.model().catch(() => undefined);
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return (await this.model()).embedDocuments(documents);
  }

  override async embedQuery(document: string): Promise<number[]> {
    return (await this.model()).embedQuery(document);
  }

  private model(): Promise<Embeddings> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }
}
