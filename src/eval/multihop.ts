import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One MultiHop-RAG question with its gold evidence. */
export interface BenchmarkQuestion {
  /** Position in MultiHopRAG.json; even positions are the dev split, odd ones the test split. */
  position: number;
  query: string;
  questionType: string;
  /** The gold answer: a name for inference questions, mostly yes or no for the others. */
  answer: string;
  facts: string[];
}

export type Split = 'dev' | 'test' | 'all';

interface RawQuestion {
  query: string;
  question_type: string;
  answer: string;
  evidence_list: { fact: string }[];
}

/** Read the benchmark's questions of one split (dev: even positions, test: odd). */
export function loadQuestions(datasetDir: string, split: Split): BenchmarkQuestion[] {
  const raw = JSON.parse(readFileSync(path.join(datasetDir, 'MultiHopRAG.json'), 'utf8')) as RawQuestion[];
  return raw
    .map((question, position) => ({
      position,
      query: question.query,
      questionType: question.question_type,
      answer: question.answer,
      facts: question.evidence_list.map((evidence) => evidence.fact),
    }))
    .filter((question) => split === 'all' || (split === 'dev') === (question.position % 2 === 0));
}

/** The benchmark's corpus file, ingested through the normal JSON path. */
export function corpusPath(datasetDir: string): string {
  return path.join(datasetDir, 'corpus.json');
}

/**
 * Whether an answer states the gold answer, as the benchmark's paper scores answers (the gold
 * text contained in the answer), ignoring case and a final full stop.
 */
export function answerContainsGold(answer: string, gold: string): boolean {
  const fold = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'");
  const wanted = fold(gold.trim().replace(/\.$/, ''));
  return wanted !== '' && fold(answer).includes(wanted);
}
