function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The outlets among `sources` that the question names, in the order it names them. Matching is
 * case-sensitive on word boundaries ("Fortune" the magazine, not "fortune" the word), and a
 * leading "The" is optional ("Verge" finds "The Verge").
 */
export function findNamedSources(question: string, sources: readonly string[]): string[] {
  const found: { source: string; at: number }[] = [];
  for (const source of sources) {
    const bare = source.replace(/^the\s+/i, '');
    if (bare.length < 2) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:the\\s+)?${escapeRegExp(bare)}(?![\\p{L}\\p{N}])`, 'u');
    const match = pattern.exec(question);
    if (match) found.push({ source, at: match.index });
  }
  // A longer name that contains a shorter one ("BBC News" and "BBC") keeps only the longer.
  const kept = found.filter(
    (entry) =>
      !found.some(
        (other) => other !== entry && other.source.length > entry.source.length && other.source.includes(entry.source),
      ),
  );
  return kept.sort((a, b) => a.at - b.at).map((entry) => entry.source);
}

/** Take one item from each list in turn (best first), skipping items already taken. */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const taken = new Set<T>();
  const result: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let position = 0; position < longest; position += 1) {
    for (const list of lists) {
      const item = list[position];
      if (item !== undefined && !taken.has(item)) {
        taken.add(item);
        result.push(item);
      }
    }
  }
  return result;
}
