import { splitSentences } from '../text/sentences.js';
import type { Citation, CitationSource } from './answer.js';
import { type Evidence, prepareClaim, prepareEvidence, SUPPORT_THRESHOLD, supportScore } from './support.js';

/** A passage as the model saw it: numbered from 1 in the prompt, with what its source line shows. */
export interface PromptPassage extends CitationSource {
  n: number;
  text: string;
}

/** A sentence of the model's answer that survived the check, with the prompt numbers that support it. */
export interface CheckedSentence {
  text: string;
  sources: number[];
}

export type RemovalReason = 'unsupported' | 'no-claim';

/** What the check did to a draft. */
export interface CitationCheck {
  kept: CheckedSentence[];
  removed: { text: string; reason: RemovalReason }[];
  /** Cited numbers that are not in the passage list. */
  unknownNumbers: number[];
  /** Sentences whose own citations did not support them but another passage did. */
  recited: number;
}

const MARKER_GROUP = /\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]/g;
/** The fewest content words that make a sentence a claim rather than a connective ("Here is what I found:"). */
const MIN_CLAIM_WORDS = 2;

function citedNumbers(markers: readonly string[]): number[] {
  const numbers: number[] = [];
  for (const marker of markers) {
    const range = marker.match(/^\[\s*(\d+)\s*[–-]\s*(\d+)\s*\]$/);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      for (let n = from; n <= to && n - from < 20; n += 1) numbers.push(n);
      continue;
    }
    for (const digits of marker.match(/\d+/g) ?? []) numbers.push(Number(digits));
  }
  return [...new Set(numbers)];
}

function cleanSentence(text: string): string {
  return text
    .replace(MARKER_GROUP, '')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The draft's sentences with the numbers each cites. Markers end the sentence they follow, so the
 * draft is cut at them first (a sentence after "[2]." may start in lower case or with a digit,
 * where Unicode's sentence rules see no break); the text between markers is then split into
 * sentences, and only the last of them carries the markers.
 */
export function parseCitedSentences(draft: string): { text: string; cited: number[] }[] {
  // A trailing source list written by the model is not part of the answer: we render our own.
  const body = draft.replace(/^\s*(?:#+\s*)?\**(?:sources|references|citations)\**\s*:?\s*$[\s\S]*/im, '');
  const flat = body
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').replace(/^#+\s*/, ''))
    .join(' ')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const parsed: { text: string; cited: number[] }[] = [];
  const addUncited = (text: string): void => {
    for (const sentence of splitSentences(text)) {
      const clean = cleanSentence(sentence.text);
      if (clean !== '' && !/^[\p{P}\s]*$/u.test(clean)) parsed.push({ text: clean, cited: [] });
    }
  };
  let position = 0;
  for (const run of flat.matchAll(/(?:\s*\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\])+(?:[.!?]["”’)]*)?/g)) {
    const cited = citedNumbers(run[0].match(MARKER_GROUP) ?? []);
    const before = flat.slice(position, run.index);
    position = run.index + run[0].length;
    const trailingPunctuation = /[.!?]["”’)]*$/.exec(run[0])?.[0] ?? '';
    const sentences = splitSentences(before);
    const last = sentences.pop();
    addUncited(sentences.map((sentence) => sentence.text).join(' '));
    // A sentence keeps its own full stop, or takes the one after its markers, or gets one.
    const ending = /[.!?…]["”’)]*$/.test(last?.text ?? '') ? '' : trailingPunctuation || '.';
    const lastText = last ? cleanSentence(`${last.text}${ending}`) : '';
    const previous = parsed.at(-1);
    if (lastText === '' || /^[\p{P}\s]*$/u.test(lastText)) {
      // Markers after markers ("... [1]. [2]") cite the same sentence.
      if (previous) previous.cited = [...new Set([...previous.cited, ...cited])];
      continue;
    }
    parsed.push({ text: lastText, cited });
  }
  addUncited(flat.slice(position));
  return parsed;
}

/**
 * Check every sentence of a model's draft against the passages it cites: unknown numbers are
 * dropped; a sentence its citations do not support is re-cited to a passage that does, or removed.
 */
export function checkCitations(
  draft: string,
  passages: readonly PromptPassage[],
  threshold = SUPPORT_THRESHOLD,
): CitationCheck {
  const evidence = new Map<number, Evidence>(passages.map((p) => [p.n, prepareEvidence(p.text, p.title)]));
  const check: CitationCheck = { kept: [], removed: [], unknownNumbers: [], recited: 0 };
  for (const { text, cited } of parseCitedSentences(draft)) {
    const known = cited.filter((n) => evidence.has(n));
    for (const n of cited) if (!evidence.has(n) && !check.unknownNumbers.includes(n)) check.unknownNumbers.push(n);
    const claim = prepareClaim(text);
    if (claim.stems.length < MIN_CLAIM_WORDS) {
      check.removed.push({ text, reason: 'no-claim' });
      continue;
    }
    const scores = new Map([...evidence].map(([n, passage]) => [n, supportScore(claim, passage)]));
    const supporting = known.filter((n) => (scores.get(n) ?? 0) >= threshold);
    if (supporting.length > 0) {
      check.kept.push({ text, sources: supporting });
      continue;
    }
    const [bestN, bestScore] = [...scores].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0]);
    if (bestScore >= threshold) {
      check.kept.push({ text, sources: [bestN] });
      check.recited += 1;
    } else {
      check.removed.push({ text, reason: 'unsupported' });
    }
  }
  return check;
}

/**
 * The checked answer's text and its sources, renumbered in order of first citation, one number per
 * article (two passages of one article share its number).
 */
export function renumberCitations(
  kept: readonly CheckedSentence[],
  passages: readonly PromptPassage[],
): { answer: string; citations: Citation[] } {
  const byPromptNumber = new Map(passages.map((p) => [p.n, p]));
  const numberOfArticle = new Map<string, number>();
  const citations: Citation[] = [];
  const sentences = kept.map((sentence) => {
    const numbers = new Set<number>();
    for (const promptNumber of sentence.sources) {
      const passage = byPromptNumber.get(promptNumber);
      if (!passage) continue;
      let n = numberOfArticle.get(passage.articleId);
      if (n === undefined) {
        n = citations.length + 1;
        numberOfArticle.set(passage.articleId, n);
        const { n: _promptNumber, text, ...source } = passage;
        citations.push({ n, ...source, passage: text });
      }
      numbers.add(n);
    }
    return `${sentence.text} ${[...numbers]
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join('')}`;
  });
  return { answer: sentences.join(' '), citations };
}
