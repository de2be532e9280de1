import type { PromptPassage } from '../answer/citation-check.js';
import { isInstructionLike, namesIn } from '../answer/support.js';
import { splitSentences } from '../text/sentences.js';
import { wordTokens } from '../text/terms.js';

/** How a sentence of a generated answer relates to the passage it cites. */
export type CaseKind =
  | 'copied'
  | 'trimmed'
  | 'clauses-swapped'
  | 'reworded'
  | 'cited-to-wrong-passage'
  | 'number-changed'
  | 'name-swapped'
  | 'negated'
  | 'from-unlisted-article'
  | 'spliced';

/** Kinds whose sentence is true to some listed passage (the check should keep it, citing that passage). */
export const SUPPORTED_KINDS: readonly CaseKind[] = [
  'copied',
  'trimmed',
  'clauses-swapped',
  'reworded',
  'cited-to-wrong-passage',
];
const ALTERED_KINDS: readonly CaseKind[] = [
  'number-changed',
  'name-swapped',
  'negated',
  'from-unlisted-article',
  'spliced',
];

/** One sentence of a generated answer, with the passage that truly supports it (if any). */
export interface CaseSentence {
  kind: CaseKind;
  text: string;
  cited: number;
  /** The listed passage that states it, or undefined for an altered sentence. */
  truth: number | undefined;
}

/** A generated answer: the passages the model "saw" and the draft it "wrote". */
export interface CitationCase {
  passages: PromptPassage[];
  sentences: CaseSentence[];
  draft: string;
}

/** A passage of the corpus with its usable sentences. */
export interface SourcePassage {
  articleId: string;
  title: string;
  text: string;
}

/** A small seeded generator (mulberry32), so the cases are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function usableSentences(text: string): string[] {
  return splitSentences(text)
    .map((sentence) => sentence.text)
    .filter((sentence) => {
      const words = wordTokens(sentence).length;
      return words >= 10 && words <= 45 && /[.!?]["”’]?$/.test(sentence) && !isInstructionLike(sentence);
    });
}

const AUXILIARY = /\b(is|was|are|were|will|has|have|had|would|could|can|should)\b/;

/** Make an altered copy of `sentence` of the given kind, or undefined when the sentence does not allow it. */
function alter(kind: CaseKind, sentence: string, other: string, random: () => number): string | undefined {
  switch (kind) {
    case 'number-changed': {
      const match = /\d+/.exec(sentence);
      if (!match) return undefined;
      const changed = String(Number(match[0]) + 1 + Math.floor(random() * 8));
      return sentence.slice(0, match.index) + changed + sentence.slice(match.index + match[0].length);
    }
    case 'name-swapped': {
      const names = [...sentence.matchAll(/(?<=\s)\p{Lu}[\p{L}]{2,}/gu)].map((match) => match[0]);
      const replacements = [...other.matchAll(/(?<=\s)\p{Lu}[\p{L}]{2,}/gu)]
        .map((match) => match[0])
        .filter((name) => !sentence.includes(name) && !namesIn(sentence).has(name.toLowerCase()));
      const name = names[Math.floor(random() * names.length)];
      const replacement = replacements[Math.floor(random() * replacements.length)];
      if (!name || !replacement) return undefined;
      return sentence.replace(name, replacement);
    }
    case 'negated': {
      if (/\b(not|no|never)\b|n't/.test(sentence) || !AUXILIARY.test(sentence)) return undefined;
      return sentence.replace(AUXILIARY, '$1 not');
    }
    case 'spliced': {
      const own = sentence.split(' ');
      const foreign = other.split(' ');
      if (own.length < 10 || foreign.length < 10) return undefined;
      return [...own.slice(0, Math.ceil(own.length / 2)), ...foreign.slice(Math.floor(foreign.length / 2))].join(' ');
    }
    case 'trimmed': {
      const cut = sentence.lastIndexOf(',');
      if (cut < 0 || wordTokens(sentence.slice(0, cut)).length < 8) return undefined;
      return `${sentence.slice(0, cut)}.`;
    }
    case 'reworded': {
      // Looser wording: about a fifth of the plain words left out, and a word the passage lacks added.
      const words = sentence.split(' ');
      const kept = words.filter(
        (word, index) => index === 0 || /^\p{Lu}|\d/u.test(word) || word.length <= 3 || random() >= 0.2,
      );
      if (kept.length < 8 || kept.length === words.length) return undefined;
      return [kept[0], 'reportedly', ...kept.slice(1)].join(' ');
    }
    case 'clauses-swapped': {
      const cut = sentence.indexOf(', ');
      if (cut < 0) return undefined;
      const first = sentence.slice(0, cut);
      const rest = sentence.slice(cut + 2).replace(/[.!?]["”’]?$/, '');
      if (wordTokens(first).length < 3 || wordTokens(rest).length < 3) return undefined;
      return `${rest.charAt(0).toUpperCase()}${rest.slice(1)}, ${first.charAt(0).toLowerCase()}${first.slice(1)}.`;
    }
    default:
      return sentence;
  }
}

/**
 * Generate answers as a model might write them: each cites three passages of different articles
 * and mixes two true sentences (copied, trimmed, clauses swapped, reworded, or cited to the wrong
 * listed passage)
 * with two altered ones (a changed number or name, an inserted negation, a sentence from an
 * article that is not listed, or two half sentences spliced).
 */
export function generateCitationCases(sources: readonly SourcePassage[], count: number, seed = 7): CitationCase[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const usable = sources
    .map((source) => ({ ...source, sentences: usableSentences(source.text) }))
    .filter((source) => source.sentences.length >= 2);
  const cases: CitationCase[] = [];
  let supportedTurn = 0;
  let alteredTurn = 0;
  for (let attempt = 0; cases.length < count && attempt < count * 50; attempt += 1) {
    const chosen: typeof usable = [];
    while (chosen.length < 4) {
      const candidate = pick(usable);
      if (!chosen.some((other) => other.articleId === candidate.articleId)) chosen.push(candidate);
    }
    const listed = chosen.slice(0, 3);
    const unlisted = chosen[3];
    if (!unlisted) continue;
    const passages: PromptPassage[] = listed.map((source, index) => ({
      n: index + 1,
      articleId: source.articleId,
      passageId: index + 1,
      title: source.title,
      source: null,
      url: null,
      publishedAt: null,
      text: source.text,
    }));
    const sentences: CaseSentence[] = [];
    for (let slot = 0; slot < 4 && sentences.length === slot; slot += 1) {
      const supported = slot % 2 === 0;
      const kind = supported
        ? (SUPPORTED_KINDS[(supportedTurn + slot / 2) % SUPPORTED_KINDS.length] as CaseKind)
        : (ALTERED_KINDS[(alteredTurn + (slot - 1) / 2) % ALTERED_KINDS.length] as CaseKind);
      const owner = Math.floor(random() * 3);
      const source = listed[owner];
      if (!source) break;
      const sentence = pick(source.sentences);
      const foreign = pick(unlisted.sentences);
      const used = new Set(sentences.map((entry) => entry.text));
      let text: string | undefined;
      let cited = owner + 1;
      let truth: number | undefined = owner + 1;
      if (kind === 'from-unlisted-article') {
        text = foreign;
        truth = undefined;
      } else if (kind === 'cited-to-wrong-passage') {
        text = sentence;
        cited = ((owner + 1 + Math.floor(random() * 2)) % 3) + 1;
      } else {
        text = alter(kind, sentence, foreign, random);
        if (!supported) truth = undefined;
      }
      if (!text || used.has(text)) break;
      sentences.push({ kind, text, cited, truth });
    }
    if (sentences.length < 4) continue;
    supportedTurn += 2;
    alteredTurn += 2;
    // Shuffle (Fisher-Yates) so true and altered sentences come in no fixed order.
    for (let index = sentences.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [sentences[index], sentences[other]] = [sentences[other] as CaseSentence, sentences[index] as CaseSentence];
    }
    const draft = sentences.map((entry) => `${entry.text.replace(/([.!?]["”’]?)$/, '')} [${entry.cited}].`).join(' ');
    cases.push({ passages, sentences, draft });
  }
  return cases;
}
