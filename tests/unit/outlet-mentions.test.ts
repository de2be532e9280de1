import { describe, expect, it } from 'vitest';
import { unknownOutletMentions } from '../../src/retrieve/outlet-mentions.js';
import { newsdeskWith } from '../helpers/newsdesk-with.js';

const KNOWN = ['TechCrunch', 'The Verge', 'CNBC | World Business News Leader', 'The Roar | Sports Writers Blog'];

describe('unknownOutletMentions', () => {
  it.each([
    ['What did the Bloomberg article say about Apple?', ['Bloomberg']],
    ['According to a report by The Wall Street Journal, who leads the bank?', ['The Wall Street Journal']],
    ['Which city is named in an article from The Guardian and a CNN report?', ['The Guardian', 'CNN']],
    ['What was reported by The Hindu about the dam?', ['The Hindu']],
  ])('finds the outlets of %j that the library lacks', (question, expected) => {
    expect(unknownOutletMentions(question, KNOWN).sort()).toEqual([...expected].sort());
  });

  it.each([
    'What did the TechCrunch article say about the FTX trial?',
    'According to an article by The Verge, when does the Steam Deck OLED ship?',
    'What did the CNBC report say about rates?',
    "Does the Roar's article agree with the Verge report?",
    "What did Google's report on Gemini claim?",
    'What did the October report find?',
    'Who won the match on Sunday?',
    'What did the Steam Deck OLED review say about the screen?',
    'Which company introduced an AI-powered DJ feature, as discussed on TechCrunch?',
  ])('does not object to %j', (question) => {
    expect(unknownOutletMentions(question, KNOWN)).toEqual([]);
  });

  it('lets through a name the headlines carry: the news is about it, not by it', () => {
    const headlines = (name: string) => ['ipcc', 'eddy cue'].includes(name);
    expect(unknownOutletMentions('What did the IPCC report say about sea levels?', KNOWN, headlines)).toEqual([]);
    expect(unknownOutletMentions('Which company, according to Eddy Cue, had no rival?', KNOWN, headlines)).toEqual([]);
    expect(unknownOutletMentions('What did the Bloomberg report say about sea levels?', KNOWN, headlines)).toEqual([
      'Bloomberg',
    ]);
  });
});

describe('asking about an outlet the server has no articles from', () => {
  const newsdesk = newsdeskWith(
    [
      {
        title: 'Harbourtown dock workers end port strike after pay deal',
        source: 'Coast Times',
        body: 'Dock workers at the Harbourtown container port ended their strike on Friday after accepting a pay deal of seven percent. The talks took eleven hours, union negotiator Mara Osei said.',
      },
      {
        title: 'IPCC report warns of faster sea level rise',
        source: 'Coast Times',
        body: 'The IPCC report said sea levels could rise by half a metre by 2100 as ice sheets melt faster than expected.',
      },
    ],
    'g',
  );

  it('says it has no articles from that outlet instead of answering from another', async () => {
    const answer = await newsdesk().ask('g', 'What pay deal ended the port strike, according to a Bloomberg report?');
    expect(answer).toMatchObject({ abstained: true, citations: [] });
    expect(answer.answer).toBe(
      "There are no articles from Bloomberg here, so I can't say what it reported. Check /sources for the outlets I have.",
    );
  });

  it('answers about a report its headlines are about, and still refuses an outlet it lacks', async () => {
    const answer = await newsdesk().ask('g', 'What did the IPCC report say about sea levels?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('half a metre');
    const elsewhere = await newsdesk().ask('g', 'What did the Reuters report say about sea levels?');
    expect(elsewhere).toMatchObject({ abstained: true, citations: [] });
    expect(elsewhere.answer).toContain('There are no articles from Reuters here');
  });

  it('takes a name the found articles quote as the person it is, not as an outlet', async () => {
    const answer = await newsdesk().ask('g', 'How long did the port strike talks take, according to Osei?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('eleven hours');
  });

  it('answers when the outlet named is one it has', async () => {
    const answer = await newsdesk().ask('g', 'What pay deal ended the port strike, according to a Coast Times report?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('seven percent');
  });
});
