/** The `limit` slots with the highest scores (ties: the lower passage id first), best first. */
export function bestSlots(
  slots: readonly number[],
  limit: number,
  scores: Float64Array,
  passageIds: Int32Array,
): number[] {
  const better = (a: number, b: number) =>
    (scores[a] as number) > (scores[b] as number) ||
    (scores[a] === scores[b] && (passageIds[a] as number) < (passageIds[b] as number));
  // A bounded min-heap: the worst of the best so far sits on top.
  const heap: number[] = [];
  const siftDown = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && better(heap[worst] as number, heap[left] as number)) worst = left;
      if (right < heap.length && better(heap[worst] as number, heap[right] as number)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst] as number, heap[at] as number];
      at = worst;
    }
  };
  for (const slot of slots) {
    if (heap.length < limit) {
      heap.push(slot);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!better(heap[parent] as number, heap[at] as number)) break;
        [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
        at = parent;
      }
    } else if (better(slot, heap[0] as number)) {
      heap[0] = slot;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}
