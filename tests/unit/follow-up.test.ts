import { describe, expect, it } from 'vitest';
import { leansOnPrevious, questionInContext } from '../../src/answer/follow-up.js';
import { newsdeskWith } from '../helpers/newsdesk-with.js';

describe('reading a follow-up with the turn before', () => {
  it.each([
    ['And how much did it cost?', true],
    ['What did he say next?', true],
    ['why?', true],
    ['What about Germany?', true],
    ['the price?', true],
    ['How many passengers will the new island ferries carry each day?', false],
    ['What did the central bank decide on interest rates in November?', false],
  ])('%j leans on the previous question: %s', (question, leans) => {
    expect(leansOnPrevious(question)).toBe(leans);
  });

  it('puts the follow-up first and the question it continues after; a self-contained one stays alone', () => {
    const previous = { question: 'What did the ferry operator order?', articleIds: ['a1'] };
    expect(questionInContext('And how much did it cost?', previous)).toBe(
      'And how much did it cost? What did the ferry operator order?',
    );
    const alone = 'How many passengers will the new island ferries carry each day?';
    expect(questionInContext(alone, previous)).toBe(alone);
    expect(questionInContext('why?', undefined)).toBe('why?');
  });
});

describe('answering a follow-up', () => {
  const newsdesk = newsdeskWith(
    [
      {
        title: 'Pentagon puts troops on alert',
        source: 'Wire',
        body: 'The Pentagon put 8,500 troops on alert on Monday. The troops would be deployed to Eastern Europe if the alliance asks for them.',
      },
      {
        title: 'Harbour bank launches its new app',
        source: 'Coast Times',
        body: 'The harbour bank launched its new banking app on Tuesday. The app will be deployed to customers in Scotland first, the bank said.',
      },
    ],
    'g',
  );

  it('answers "where?" about the subject of the question before', async () => {
    const troops = { question: 'How many troops did the Pentagon put on alert?', articleIds: [] };
    const app = { question: 'When did the harbour bank launch its app?', articleIds: [] };
    const afterTroops = await newsdesk().ask('g', 'Where would they be deployed?', { previous: troops });
    const afterApp = await newsdesk().ask('g', 'Where would it be deployed?', { previous: app });
    expect(afterTroops.answer).toMatch(/Eastern Europe/);
    expect(afterTroops.citations[0]?.title).toBe('Pentagon puts troops on alert');
    expect(afterApp.answer).toMatch(/Scotland/);
    expect(afterApp.citations[0]?.title).toBe('Harbour bank launches its new app');
  });

  it('keeps a conversation turn, as it was read, for a day', () => {
    const answer = { answer: 'x', abstained: false, citations: [], support: 1 };
    const first = newsdesk().conversations.record('g', 'How many troops did the Pentagon put on alert?', answer);
    const turn = newsdesk().conversations.get('g', first);
    expect(turn?.question).toBe('How many troops did the Pentagon put on alert?');
    const second = newsdesk().conversations.record('g', 'Where?', answer, {
      id: first,
      turn: turn ?? { question: '', articleIds: [] },
    });
    expect(newsdesk().conversations.get('g', second)?.question).toBe(
      'Where? How many troops did the Pentagon put on alert?',
    );
    expect(newsdesk().conversations.get('other-guild', second)).toBeUndefined();
  });
});
