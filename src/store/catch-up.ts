/** What catching an index up needs to know of it. */
export interface HeldPassages {
  /** Count, largest id and sum of ids of the passages it holds. */
  signature(): string;
  heldIds(): Iterable<number>;
}

/**
 * Bring an index up to the database's passages after another process committed: add the passages
 * stored since (ids only grow), then drop those no longer stored. False when it already matched.
 */
export function catchUpIndex(
  index: HeldPassages,
  storedSignature: string,
  addStoredAfter: (largestHeldId: number) => void,
  storedIds: () => Iterable<number>,
  remove: (ids: number[]) => void,
): boolean {
  if (index.signature() === storedSignature) return false;
  let largest = 0;
  for (const id of index.heldIds()) largest = Math.max(largest, id);
  addStoredAfter(largest);
  if (index.signature() !== storedSignature) {
    const kept = new Set(storedIds());
    remove([...index.heldIds()].filter((id) => !kept.has(id)));
  }
  return true;
}
