/**
 * Loads the real model in a process of its own and prints "loaded <dimensions>" or "failed <cause>".
 * With "slow-wasm", it loads as a busy machine does: every WebAssembly compile takes a second
 * longer, so the packaged weights are read before TensorFlow.js' WASM backend is ready.
 */
if (process.argv.includes('slow-wasm')) {
  // Node's WebAssembly global, which the project's type library (no DOM) does not declare.
  const wasm = (globalThis as unknown as { WebAssembly: { instantiate: (...args: unknown[]) => Promise<unknown> } })
    .WebAssembly;
  const instantiate = wasm.instantiate.bind(wasm);
  wasm.instantiate = async (...args: unknown[]) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return instantiate(...args);
  };
}
const { UseLiteEmbeddings } = await import('../../src/embed/use-lite.js');
try {
  const model = await UseLiteEmbeddings.load(8);
  process.stdout.write(`loaded ${(await model.embedQuery('ferry strike')).length}\n`);
} catch (error) {
  process.stdout.write(`failed ${String((error as { cause?: unknown }).cause ?? error)}\n`);
}
