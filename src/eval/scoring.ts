/** Retrieval scores of one question, by MultiHop-RAG's recipe. */
export interface QuestionScores {
  hits10: number;
  hits4: number;
  mrr10: number;
  map10: number;
}

/** Text as the benchmark compares it: every space and newline deleted. */
function squeeze(text: string): string {
  return text.replace(/[ \n]/g, '');
}

/**
 * Score a ranked list of retrieved texts against the gold facts exactly as MultiHop-RAG's README
 * prescribes: a chunk matches a fact when the fact (spaces and newlines deleted) is a substring of
 * the chunk (likewise squeezed); duplicates among facts count once; MAP@10 credits newly found facts
 * at each rank and divides by min(facts, 10).
 */
export function scoreRetrieval(retrieved: readonly string[], facts: readonly string[]): QuestionScores {
  const gold = [...new Set(facts.map(squeeze))];
  const top = retrieved.slice(0, 10).map(squeeze);
  const found = new Set<string>();
  let firstHit = 0;
  let precisionSum = 0;
  top.forEach((chunk, index) => {
    const matched = gold.filter((fact) => chunk.includes(fact));
    if (matched.length > 0 && firstHit === 0) firstHit = index + 1;
    const fresh = matched.filter((fact) => !found.has(fact));
    for (const fact of fresh) found.add(fact);
    if (fresh.length > 0) precisionSum += fresh.length / (index + 1);
  });
  return {
    hits10: firstHit > 0 ? 1 : 0,
    hits4: firstHit > 0 && firstHit <= 4 ? 1 : 0,
    mrr10: firstHit > 0 ? 1 / firstHit : 0,
    map10: gold.length > 0 ? precisionSum / Math.min(gold.length, 10) : 0,
  };
}

/** The mean of each score over a list of questions. */
export function meanScores(scores: readonly QuestionScores[]): QuestionScores {
  const sum = (key: keyof QuestionScores) =>
    scores.reduce((total, score) => total + score[key], 0) / Math.max(1, scores.length);
  return { hits10: sum('hits10'), hits4: sum('hits4'), mrr10: sum('mrr10'), map10: sum('map10') };
}

/** A figure as the evals print it: three decimals. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** count / total to three decimals, or null when there is nothing to count. */
export function share(count: number, total: number): number | null {
  return total === 0 ? null : round(count / total);
}
