import { describe, expect, it } from 'vitest';
import { containsAnswer, type NewsQaQuestion, sameArticleUrl, scoreAnswer } from '../../src/eval/newsqa.js';

const question: NewsQaQuestion = {
  id: 2,
  question: 'How many passengers will each ferry carry?',
  type: 'number',
  answers: ['400 passengers'],
  article_url: 'https://news.example/ferries',
};

describe('newsqa-dev scoring (as the reference scorer does it)', () => {
  it('matches whole words only, with quotes and dashes straightened and case ignored', () => {
    expect(containsAnswer('about 225 votes', ['22'])).toBe(false);
    expect(containsAnswer('Jordan lost 22 Republicans.', ['22'])).toBe(true);
    expect(containsAnswer('It’s a “full-blown iMessage app”', ['full-blown iMessage app'])).toBe(true);
    expect(containsAnswer('the Vice–president said', ['vice-president'])).toBe(true);
    expect(containsAnswer('the service resumed', ['Vice'])).toBe(false);
  });

  it('compares article URLs without tracking parameters, fragments, trailing slashes or host case', () => {
    expect(sameArticleUrl('https://NEWS.example/ferries/?utm_source=rss#top', 'https://news.example/ferries')).toBe(
      true,
    );
    expect(sameArticleUrl('https://news.example/ferries?page=2', 'https://news.example/ferries')).toBe(false);
    expect(sameArticleUrl(null, 'https://news.example/ferries')).toBe(false);
  });

  it('tells strict, supported and lenient apart, and counts an abstention as none of them', () => {
    const cited = { article_url: 'https://news.example/ferries', text: 'Each ferry carries 400 passengers.' };
    const elsewhere = { article_url: 'https://other.example/a', text: 'Each ferry carries 400 passengers.' };
    const answer = (text: string, citations: (typeof cited)[], abstained = false) =>
      scoreAnswer(question, { id: 2, abstained, answer: text, citations });
    expect(answer('Each carries 400 passengers [1].', [cited])).toEqual({
      strict: true,
      supported: true,
      lenient: true,
      abstained: false,
    });
    expect(answer('Each carries 400 passengers [1].', [elsewhere])).toMatchObject({ strict: true, supported: false });
    expect(answer('The ferries start in May [1].', [cited])).toMatchObject({ strict: false, lenient: true });
    expect(answer('400 passengers', [cited], true)).toMatchObject({ strict: false, lenient: false, abstained: true });
  });
});
