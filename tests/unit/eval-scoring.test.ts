import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerContainsGold } from '../../src/eval/multihop.js';
import { meanScores, scoreRetrieval } from '../../src/eval/scoring.js';

interface SampleQuestion {
  retrieval_list: { text: string }[];
  gold_list: { fact: string }[];
}

// The benchmark is read from ../shared by path, never copied into the project.
const samplePath = '../shared/bench/multihop/sample-retrieval-8q.json';

describe('the MultiHop-RAG scorer', () => {
  it('reproduces the figures the benchmark README gives for the authors’ own 8 retrieved lists', () => {
    const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as SampleQuestion[];
    const scores = sample.map((question) =>
      scoreRetrieval(
        question.retrieval_list.map((chunk) => chunk.text),
        question.gold_list.map((gold) => gold.fact),
      ),
    );
    expect(scores.map((score) => score.hits10)).toEqual([0, 1, 1, 1, 1, 0, 1, 1]);
    const mean = meanScores(scores);
    expect(mean.hits10).toBeCloseTo(0.75, 4);
    expect(mean.hits4).toBeCloseTo(0.625, 4);
    expect(mean.mrr10).toBeCloseTo(0.5491, 4);
    expect(mean.map10).toBeCloseTo(0.2746, 4);
  });

  it('ignores spaces and newlines but not other characters', () => {
    expect(scoreRetrieval(['The  cat\nsat.'], ['cat sat.']).hits10).toBe(1);
    expect(scoreRetrieval(['The cat, sat.'], ['cat sat.']).hits10).toBe(0);
  });

  it('counts a duplicated fact once and credits facts at the rank they are first found', () => {
    const scores = scoreRetrieval(
      ['nothing', 'fact one', 'fact one and fact two'],
      ['fact one', 'fact one', 'fact two'],
    );
    expect(scores.mrr10).toBeCloseTo(1 / 2);
    expect(scores.map10).toBeCloseTo((1 / 2 + 1 / 3) / 2);
    expect(scores.hits4).toBe(1);
  });
});

describe('answerContainsGold', () => {
  it('finds the gold answer in the answer text, ignoring case, curly quotes and a final full stop', () => {
    expect(answerContainsGold('Sam Bankman-Fried pleaded not guilty. [1]', 'Sam Bankman-Fried.')).toBe(true);
    expect(answerContainsGold('OPENAI’S board met. [1]', "OpenAI's")).toBe(true);
    expect(answerContainsGold('Bankman-Fried pleaded not guilty. [1]', 'Sam Bankman-Fried')).toBe(false);
    expect(answerContainsGold('Anything at all.', '')).toBe(false);
  });
});
