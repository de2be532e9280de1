import { describe, expect, it } from 'vitest';
import { asksForName, likelyAnswerName, mentionsName } from '../../src/answer/answer-names.js';
import { namePhrases } from '../../src/text/names.js';

describe('asksForName', () => {
  it.each([
    'Who is the CEO of the port operator?',
    'Which company bought the shipyard?',
    'What is the name of the union that called the strike?',
    'What organization runs the ferry service?',
  ])('reads %j as asking for a name', (question) => {
    expect(asksForName(question)).toBe(true);
  });

  it.each([
    'How many days did the strike last?',
    'When did the ferry service resume?',
    'What happened at the port on Friday?',
    'Did the union accept the pay offer?',
  ])('reads %j as asking for something else', (question) => {
    expect(asksForName(question)).toBe(false);
  });
});

describe('namePhrases', () => {
  it('finds capitalised phrases, leaving out a lone word capitalised only because it opens a sentence', () => {
    expect(namePhrases('Dock workers met Maria Lopez of Harbour Union on Friday. Talks went on.')).toEqual([
      'maria lopez',
      'harbour union',
      'friday',
    ]);
    expect(namePhrases('Maria Lopez signed the deal; Lopez’s union agreed.')).toEqual(['maria lopez', 'lopez']);
  });

  it('leaves a contracted question word or pronoun out of the name after it', () => {
    expect(namePhrases("Who's Maria Lopez?")).toEqual(['maria lopez']);
    expect(namePhrases('What’s Harbour Union asking for?')).toEqual(['harbour union']);
    expect(namePhrases("It's Maria Lopez's deal.")).toEqual(['maria lopez']);
  });
});

describe('likelyAnswerName', () => {
  const passages = [
    'The shipyard was sold on Monday. Its buyer, Nordhavn Marine, plans to hire 300 workers.',
    'Nordhavn Marine said the Baltic shipyard would build ferries again. The Baltic yard had been idle.',
    'Local officials welcomed the sale of the shipyard to Nordhavn, a family firm.',
  ];

  it('picks the name several top passages agree on, counting a shortened mention towards it', () => {
    expect(likelyAnswerName('Which company bought the Baltic shipyard?', passages)).toBe('nordhavn marine');
  });

  it('never picks a name the question already holds, and needs two passages to agree', () => {
    expect(likelyAnswerName('What did Nordhavn Marine buy?', passages)).toBeUndefined();
    expect(likelyAnswerName('Which company bought the Baltic shipyard?', passages.slice(0, 1))).toBeUndefined();
  });
});

describe('mentionsName', () => {
  it('accepts the whole name or its last word, not its first word alone', () => {
    expect(mentionsName('Nordhavn Marine will hire 300 workers.', 'nordhavn marine')).toBe(true);
    expect(mentionsName('Sam Altman returned; Altman thanked the staff.', 'sam altman')).toBe(true);
    expect(mentionsName('Altman thanked the staff.', 'sam altman')).toBe(true);
    expect(mentionsName('Sam thanked the staff.', 'sam altman')).toBe(false);
  });
});
