import { describe, expect, it } from 'vitest';
import { ABSTENTION_TEXT } from '../../src/answer/answer.js';
import { ANSWER_MIN_SUPPORT, composeExtractiveAnswer } from '../../src/answer/extractive-answerer.js';
import type { RankedPassage } from '../../src/retrieve/passage-ranker.js';
import { idfWeights, idfWeightsAbsentCapped, type TermWeights } from '../../src/retrieve/term-weights.js';
import type { StoredArticle } from '../../src/store/article-store.js';
import { readsAsProse, splitSentences } from '../../src/text/sentences.js';
import { stemOf, wordTokens } from '../../src/text/terms.js';

const equalWeights: TermWeights = (stems) => new Map(stems.map((stem) => [stem, 1]));

function article(id: string, title: string): StoredArticle {
  return {
    id,
    guildId: 'g',
    title,
    source: 'Wire',
    author: null,
    url: `https://wire.example/${id}`,
    publishedAt: '2023-10-01T00:00:00.000Z',
    category: null,
    contentHash: id,
    addedAt: '2023-10-01T00:00:00.000Z',
    updatedAt: '2023-10-01T00:00:00.000Z',
    passageCount: 1,
  };
}

function ranked(id: number, articleId: string, title: string, text: string): RankedPassage {
  return {
    passage: { id, articleId, seq: 0, start: 0, end: text.length, text, article: article(articleId, title) },
    score: 1 / id,
    keywordRank: id,
    denseRank: undefined,
    similarity: undefined,
    searchPosition: id - 1,
  };
}

/** The bold answer span for a question over one sentence of one article. */
function ask(question: string, text: string): string | undefined {
  return spanAmong(question, [ranked(1, 'a', 'Harbour news', text)]);
}

/** The whole answer to a question over one passage of one article. */
function answerOver(question: string, text: string, weights: TermWeights = equalWeights) {
  return composeExtractiveAnswer(question, [ranked(1, 'a', 'Harbour news', text)], weights);
}

/** The bold answer span for a question over several ranked passages. */
function spanAmong(question: string, found: RankedPassage[]): string | undefined {
  return composeExtractiveAnswer(question, found, equalWeights).span;
}

const passages = [
  ranked(
    1,
    'a',
    'Port strike ends',
    'Dock workers returned to work on Wednesday. The strike had lasted eleven days at the container port.',
  ),
  ranked(
    2,
    'b',
    'Grain prices',
    'Grain prices rose sharply this week. Traders blamed the port strike that delayed eleven grain ships.',
  ),
  ranked(3, 'a', 'Port strike ends', 'Union leaders accepted a pay offer of seven percent over two years at the port.'),
];

describe('composeExtractiveAnswer', () => {
  it('answers with the best covering sentence and cites its article as [1]', () => {
    const answer = composeExtractiveAnswer('How many days did the port strike last?', passages, equalWeights);
    expect(answer.abstained).toBe(false);
    expect(
      answer.answer.startsWith('**Eleven days.** The strike had lasted eleven days at the container port. [1]'),
    ).toBe(true);
    expect(answer.citations[0]).toMatchObject({ n: 1, articleId: 'a', url: 'https://wire.example/a' });
    expect(answer.citations[0]?.passage).toContain('eleven days');
  });

  it('numbers sources in order of first use, one number per article', () => {
    const answer = composeExtractiveAnswer(
      'Which port strike delayed grain ships and lasted eleven days?',
      passages,
      equalWeights,
    );
    const markers = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(markers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(markers)).toEqual(new Set(answer.citations.map((citation) => citation.n)));
    expect(answer.citations.map((citation) => citation.n)).toEqual(answer.citations.map((_, i) => i + 1));
    expect(new Set(answer.citations.map((citation) => citation.articleId)).size).toBe(answer.citations.length);
  });

  it('abstains when the best evidence covers less than the threshold', () => {
    const answer = composeExtractiveAnswer('Who won the chess olympiad in Budapest?', passages, equalWeights);
    expect(answer).toMatchObject({ abstained: true, citations: [], answer: ABSTENTION_TEXT });
    expect(answer.support).toBeLessThan(ANSWER_MIN_SUPPORT);
  });

  it('answers exactly at the threshold and abstains just below it', () => {
    // Four content words, two of them covered by the passage: support 0.5 for sentence and context alike.
    const only = [ranked(1, 'a', 'x', 'Alpha bravo appear together in this sentence here.')];
    expect(ANSWER_MIN_SUPPORT).toBe(0.5);
    expect(composeExtractiveAnswer('alpha bravo charlie delta', only, equalWeights).abstained).toBe(false);
    const heavier: TermWeights = (stems) => new Map(stems.map((stem) => [stem, stem === stemOf('charlie') ? 1.1 : 1]));
    expect(composeExtractiveAnswer('alpha bravo charlie delta', only, heavier).abstained).toBe(true);
  });

  it('weights rare words: missing a rare name matters more than missing a common word', () => {
    const rareName: TermWeights = (stems) =>
      new Map(stems.map((stem) => [stem, stem === stemOf('zelenskiy') ? 10 : 1]));
    const answer = composeExtractiveAnswer('What did Zelenskiy say about the port strike?', passages, rareName);
    expect(answer.abstained).toBe(true);
  });

  it("judges support on the search's best match, not on the passage a reorder put first", () => {
    const echo = {
      ...ranked(2, 'b', 'x', 'Alpha bravo charlie delta are named in this one sentence.'),
      searchPosition: 1,
    };
    const best = { ...ranked(1, 'a', 'x', 'Alpha is the only word of the question in here.'), searchPosition: 0 };
    // Search order: the answer abstains, because the best match covers a quarter of the question.
    expect(composeExtractiveAnswer('alpha bravo charlie delta', [best, echo], equalWeights).abstained).toBe(true);
    // The same two reordered: still judged on the best match.
    const reordered = composeExtractiveAnswer('alpha bravo charlie delta', [echo, best], equalWeights);
    expect(reordered).toMatchObject({ abstained: true, support: 0.25 });
  });

  it('abstains on a question with no content words or no passages', () => {
    expect(composeExtractiveAnswer('what is it?', passages, equalWeights).abstained).toBe(true);
    expect(composeExtractiveAnswer('port strike', [], equalWeights).abstained).toBe(true);
  });
});

describe('answering a question that asks for a name', () => {
  const shipyard = [
    ranked(
      1,
      'a',
      'Baltic shipyard sold',
      'The Baltic shipyard was bought after months of talks. Nordhavn Marine will keep all 300 jobs at the Baltic shipyard.',
    ),
    ranked(
      2,
      'b',
      'Ferries to be built again',
      'Nordhavn Marine, the buyer, said the yard would build ferries again from next year.',
    ),
  ];

  it('leads with a sentence that names the answer the passages agree on', () => {
    const answer = composeExtractiveAnswer('Which company bought the Baltic shipyard?', shipyard, equalWeights);
    expect(answer.abstained).toBe(false);
    expect(
      answer.answer.startsWith(
        '**Nordhavn Marine.** Nordhavn Marine will keep all 300 jobs at the Baltic shipyard. [1]',
      ),
    ).toBe(true);
  });

  it('keeps the best covering sentence first for other questions', () => {
    const answer = composeExtractiveAnswer('What happened to the Baltic shipyard?', shipyard, equalWeights);
    expect(answer.answer.startsWith('The Baltic shipyard was bought after months of talks. [1]')).toBe(true);
  });
});

describe('answering with what the question asks for', () => {
  const ferries = [
    ranked(
      1,
      'a',
      'Electric ferries ordered',
      'The ferry operator ordered two electric ferries for the island route on Monday. The order was placed after a long tender. Each ferry will carry 400 passengers and 60 cars.',
    ),
    ranked(
      2,
      'b',
      'Island route changes',
      'Captain Ana Ruiz, who runs the island route, welcomed the order. “These boats will cut our emissions in half,” she said. The island route carries freight too.',
    ),
  ];

  it('opens with the figure asked for, in bold, before the sentence that states it', () => {
    const answer = composeExtractiveAnswer(
      'How many passengers will each electric ferry carry?',
      ferries,
      equalWeights,
    );
    expect(answer).toMatchObject({ abstained: false, span: '400 passengers', answerType: 'number' });
    expect(answer.answer.startsWith('**400 passengers.** Each ferry will carry 400 passengers and 60 cars. [1]')).toBe(
      true,
    );
  });

  it('answers "who" with a name that reads as a person, not with a title or a brand beside the question words', () => {
    const film = [
      ranked(
        1,
        'f',
        'Horror film tops box office',
        'The horror film, directed in the manner of Grand Theft Auto cut scenes, was the work of Emma Tammi, the studio said.',
      ),
    ];
    const answer = composeExtractiveAnswer('Who directed the horror film?', film, equalWeights);
    expect(answer).toMatchObject({ abstained: false, span: 'Emma Tammi', answerType: 'person' });
  });

  it('quotes the person\'s own words, attributed with "she said" after she was named', () => {
    // The search found the captain's article first.
    const [order, route] = ferries as [RankedPassage, RankedPassage];
    const captainFirst = [
      { ...route, searchPosition: 0 },
      { ...order, searchPosition: 1 },
    ];
    const answer = composeExtractiveAnswer('What did Ana Ruiz say about the ferries?', captainFirst, equalWeights);
    expect(answer.answer.startsWith('**“These boats will cut our emissions in half”** “These boats will cut')).toBe(
      true,
    );
    expect(answer.answer).toContain('she said. [1]');
  });

  it('quotes the words the question is about, in a paragraph that goes on quoting the person named before it', () => {
    const interview = [
      ranked(
        1,
        'c',
        'Captain on the new ferries',
        '“The crossing will be quieter,” Captain Ana Ruiz said. “The boats will cut our fuel bill in half. Nobody on the island expected that.',
      ),
    ];
    const answer = composeExtractiveAnswer('What did Ana Ruiz say about the fuel bill?', interview, equalWeights);
    expect(answer.span).toBe('The boats will cut our fuel bill in half.');
    expect(answer.answer).toContain(
      '** “The boats will cut our fuel bill in half. Nobody on the island expected that. [1]',
    );
  });

  it("does not take a quotation for the person's words when someone else is named with it", () => {
    const other = [
      ranked(
        1,
        'd',
        'Ferries and the fuel bill',
        'Captain Ana Ruiz welcomed the boats. “They will cut the fuel bill in half,” the mayor, Tom Berg, said.',
      ),
    ];
    const answer = composeExtractiveAnswer('What did Ana Ruiz say about the fuel bill?', other, equalWeights);
    expect(answer.span).toBeUndefined();
  });

  it('reads how long ago in a date said as "days ago"', () => {
    const sentence = 'The old ferry last sailed the island route a mammoth 1,200 days ago.';
    const answer = composeExtractiveAnswer(
      'How long has it been since the old ferry last sailed?',
      [ranked(1, 'f', 'Island route', sentence)],
      equalWeights,
    );
    expect(answer.span).toBe('1,200 days');
  });

  it.each([
    ['How long did the crossing take?', 'The crossing was slow in the second week of the season.'],
    ['How many passengers signed up for the route?', 'Passengers who signed up for the route pay $1.99 a week.'],
    ['On what date did the route open?', 'The route opened in February after a long wait for the boats.'],
    ['Who leads the island council?', 'The island council met the Principal Chief of the harbour board.'],
    // A time of day is not a length of time.
    ['How long did the crossing take?', '7:50 p.m. — the crossing left the island harbour late.'],
    // A count of grams is not a count of bones, and a sentence about protein does not speak of bones.
    [
      'How many bones does the adult body hold?',
      'Adults should eat at least 1 to 1.5g of protein per kilogram of body weight.',
    ],
    // What he could get is not what he got.
    [
      'How many years in prison did the ferry captain get?',
      'The ferry captain faces up to 20 years in prison when he is sentenced in March.',
    ],
    // A number in a name is not a count of it.
    ['How many electric ferries has the yard sold so far?', 'The yard showed its Electric Ferry 2 at the island fair.'],
    // The hours of a meeting are not a jersey number.
    [
      'What jersey number will the new captain wear?',
      'The new captain will wear the club colours after talks of 2-3 hours on Monday.',
    ],
    // What will happen is not when it happened.
    ['When did the captain have his first knee surgery?', 'The captain will not sail in 2024 after knee surgery.'],
    // Weeks are not the years asked for.
    [
      'How many years in prison did the ferry captain get?',
      'The ferry captain spent about seven weeks in prison before the trial.',
    ],
    // A speed is said with its unit: a model number or "second-gen" is no speed of sound.
    [
      'What is the speed of sound in water?',
      'The second-gen model has better sound quality and an IPX4 water rating for 2 hours.',
    ],
    // "Maybe one day" is some day, not a length of time.
    ['How long will the ferry captain sail the route?', 'Maybe one day the ferry captain will sail the route again.'],
    // An ordinary word capitalised only because it opens the sentence is no name.
    [
      'Which team did Ana Ruiz lead to a club-record score?',
      'Gun import Ana Ruiz exploded late for a club-record score.',
    ],
    // Five years of something is not when it began.
    ['When did the ferry captain start sailing the route?', 'The ferry captain has sailed the route for five years.'],
  ])('does not take a span of the wrong sort as the answer to %j', (question, sentence) => {
    const answer = composeExtractiveAnswer(question, [ranked(1, 'e', 'Island route', sentence)], equalWeights);
    expect(answer).toMatchObject({ abstained: true, notStated: true });
  });

  it('answers "how big" with a size and "where do they rank" with a place in the order', () => {
    const flat = [
      ranked(
        1,
        'h',
        'Penthouse claims',
        'The owner said the penthouse has five bedrooms and sits 3 blocks from the park. The owner claimed the penthouse was 30,000 square feet.',
      ),
    ];
    expect(composeExtractiveAnswer('How big did the owner claim the penthouse was?', flat, equalWeights).span).toBe(
      '30,000 square feet',
    );
    const table = [
      ranked(1, 't', 'Pressing stats', 'The club rank 10th in the league for pressing, with 3.3 passes allowed.'),
    ];
    expect(
      composeExtractiveAnswer('Where does the club rank in the league for pressing?', table, equalWeights).span,
    ).toBe('10th');
  });

  it("answers a game's score where the report gives it, not a team's record", () => {
    const game = [
      ranked(
        1,
        'g',
        'Harbour FC vs Island United live score, updates, highlights',
        'Harbour FC held on at the island ground to earn the win, 23-20. The loss dropped Island United to 3-4 on the season, and Harbour moved to 5-2 (at 5-2 they lead the league).',
      ),
    ];
    const answer = composeExtractiveAnswer(
      "What was the final score of last night's Harbour FC game?",
      game,
      equalWeights,
    );
    expect(answer).toMatchObject({ abstained: false, span: '23-20' });
    const recordOnly = [
      ranked(
        1,
        'r',
        'Harbour FC vs Island United',
        'The loss dropped Island United to 3-4 on the season after the Harbour FC game.',
      ),
    ];
    expect(
      composeExtractiveAnswer('What was the final score of the Harbour FC game?', recordOnly, equalWeights),
    ).toMatchObject({ abstained: true, notStated: true });
  });

  it('takes a hedged figure as the answer when the question asks what could be', () => {
    const sentence = 'The ferry captain faces up to 20 years in prison when he is sentenced in March.';
    const answer = composeExtractiveAnswer(
      'How many years in prison could the ferry captain face?',
      [ranked(1, 'e', 'Captain on trial', sentence)],
      equalWeights,
    );
    expect(answer.span).toBe('20 years');
  });

  it('does not answer "who" with a name that holds the question\'s own subject', () => {
    const doll = [
      ranked(
        1,
        'm',
        'Doll criticised',
        'The harbour board leader criticised the museum event for the Ana Ruiz Barbie. Tom Berg spoke on Monday.',
      ),
    ];
    const answer = composeExtractiveAnswer(
      'Which harbour board leader criticised the Ana Ruiz doll?',
      doll,
      equalWeights,
    );
    // Tom Berg's sentence says nothing of the doll: the honest answer is that no one is named.
    expect(answer).toMatchObject({ abstained: true, notStated: true });
  });

  it('answers "where" with a place before a firm, and "which company" with a firm before a place', () => {
    const plea = [
      ranked(
        1,
        'p',
        'Founder pleads guilty',
        'The exchange founder pleaded guilty in Seattle on Tuesday. A video of the founder pleading guilty spread on YouTube within hours.',
      ),
    ];
    expect(composeExtractiveAnswer('Where did the exchange founder plead guilty?', plea, equalWeights).span).toBe(
      'Seattle',
    );
    const work = [
      ranked(1, 'w', 'Jellyfish learn', 'The jellyfish researcher left Seattle to work at Kiel University.'),
    ];
    expect(composeExtractiveAnswer('Where does the jellyfish researcher work?', work, equalWeights).span).toBe(
      'Kiel University',
    );
  });

  it('answers "who" with a surname the sentence makes a speaker, and "where" not with a holiday', () => {
    const court = [
      ranked(
        1,
        'k',
        'Ferry trial',
        'After Ana Ruiz gave her definition, Kaplan told the jury he was the final authority on that.',
      ),
    ];
    expect(composeExtractiveAnswer('Who told the jury he was the final authority?', court, equalWeights).span).toBe(
      'Kaplan',
    );
    const home = [
      ranked(
        1,
        'h',
        'Reunion',
        '“It means the world to be with my mom at the Christmas holiday,” Ana Ruiz, 64, of Harbourtown, Minnesota, said.',
      ),
    ];
    // A town is given with the region that locates it.
    expect(composeExtractiveAnswer('Where does Ana Ruiz live?', home, equalWeights).span).toBe(
      'Harbourtown, Minnesota',
    );
  });

  it("reads a sentence as speaking of the article's subject, named in its headline", () => {
    const ground = [
      ranked(
        1,
        'q',
        'Quayside Park is crumbling',
        'Ahead of their visit to Quayside Park, the visitors, who were beaten there badly in December 2023, had not won since. As titles have become scarce, the tale of neglect of a ground that dates to 1910 is emblematic.',
      ),
    ];
    expect(composeExtractiveAnswer('What year does Quayside Park date to?', ground, equalWeights).span).toBe('1910');
  });

  it('answers "how old" with an age, not with another figure', () => {
    const ferry = [
      ranked(
        1,
        'g',
        'Old ferry',
        'The ferry carries 562 passengers at most. The ferry is not even two years old, the operator said.',
      ),
    ];
    expect(composeExtractiveAnswer('How old is the ferry?', ferry, equalWeights).span).toBe('two years old');
    const captain = [ranked(1, 'c', 'Captain retires', 'Captain Ana Ruiz, 78, has retired from the island route.')];
    expect(composeExtractiveAnswer('How old is Captain Ana Ruiz?', captain, equalWeights).span).toBe('78');
  });

  it('reads a length of time said in words, and "since" a year as when', () => {
    const strike = [
      ranked(1, 's', 'Dock strike', '“They have been striking at the docks for two-and-a-half years,” the mayor said.'),
    ];
    expect(composeExtractiveAnswer('How long have the dock workers been striking?', strike, equalWeights).span).toBe(
      'two-and-a-half years',
    );
    const deal = [
      ranked(1, 'd', 'Ferry deal', 'The ferry operator has had its deal with the island in place since 2003.'),
    ];
    expect(
      composeExtractiveAnswer('What year does the ferry deal with the island date to?', deal, equalWeights).span,
    ).toBe('since 2003');
  });

  it('reads a sum whose currency code follows the sign, and gives it back as written', () => {
    const valuation = [
      ranked(
        1,
        'v',
        'Estate valued',
        'In 2021, the county assessed the estate at $US27.6 million, below its neighbours.',
      ),
    ];
    expect(composeExtractiveAnswer('What did the county assess the estate at?', valuation, equalWeights).span).toBe(
      '$US27.6 million',
    );
  });

  it('chooses the sentence by what is asked, not by the outlet the question credits', () => {
    const passages = [
      ranked(
        1,
        'f',
        'Harbour Times: five things we learned from the ferry hearing',
        'The Harbour Times piece on the hearing ran in 2021 and said the ferry deal was contested. The ferry operator has held its harbour deal since 1998.',
      ),
    ];
    const answer = composeExtractiveAnswer(
      "The Harbour Times's 'five things we learned' piece says the ferry operator's harbour deal dates back to what year?",
      passages,
      equalWeights,
    );
    expect(answer.span).toBe('since 1998');
  });

  it('names the place a "where" asks for, not the person who did it', () => {
    const plea = [
      ranked(
        1,
        'g',
        'Pleas entered',
        'Franke pleaded guilty to four counts on Monday. The exchange founder appeared in a Seattle federal court to plead guilty.',
      ),
    ];
    expect(composeExtractiveAnswer('Where did the exchange founder plead guilty?', plea, equalWeights).span).toBe(
      'Seattle',
    );
  });

  it('answers "which exchange" with the name the sentence calls an exchange', () => {
    const fines = [
      ranked(
        1,
        'x',
        'Exchange fined',
        'Tidecoin, the largest ferry-ticket exchange, agreed to pay $4.3 billion to settle the Harbour Authority inquiry.',
      ),
    ];
    expect(composeExtractiveAnswer('Which exchange will pay $4.3 billion?', fines, equalWeights).span).toBe('Tidecoin');
    const rivals = [
      ranked(
        1,
        'r',
        'Ferry app',
        'The ferry app launched after a rivalry with ferry startup Wavely pushed the Harbour Board.',
      ),
    ];
    expect(composeExtractiveAnswer('Which ferry startup was the app rivalling?', rivals, equalWeights).span).toBe(
      'Wavely',
    );
    // A capitalised word before a proper noun opens the name, whatever the tagger read it as.
    const joined = [ranked(1, 'j', 'Transfer', 'Lionel joined Inter Miami with the club bottom of the league table.')];
    expect(composeExtractiveAnswer('Which club did Lionel join?', joined, equalWeights).span).toBe('Inter Miami');
  });

  it('reads names, figures and causes as a member asks for them', () => {
    // After a locative preposition, a name that could be a person's is a place; the name runs on over
    // a capitalised word the tagger read otherwise.
    expect(ask('Where was Lena Marsh born?', 'Born in Alice Springs in 1983, Lena Marsh was moved to Perth.')).toBe(
      'Alice Springs',
    );
    // The role asked about ("who is the interim coach") names its holder.
    expect(
      ask(
        "Who is the Gulls' interim coach?",
        'The win marks their second since the firing of Tom Hale, with interim coach Ana Pierce unbeaten so far.',
      ),
    ).toBe('Ana Pierce');
    // A name repeating the question's name is its subject; a people's name is not part of a person's.
    expect(
      ask(
        'Who plays Neptune in The Tides?',
        'Roy Dunne, best known for his role as Neptune King in "The Tides," joined the app.',
      ),
    ).toBe('Roy Dunne');
    expect(
      ask('Who won the harbour prize?', 'On Monday, American Drew Weller won the harbour prize for his ferry designs.'),
    ).toBe('Drew Weller');
    // "2½ million", and "a year" after a count is a rate, not a length of time.
    expect(
      ask(
        'How many downloads does the ferry podcast get a month?',
        'The ferry podcast has 2½ million downloads a month.',
      ),
    ).toBe('2½ million downloads');
    expect(
      ask(
        'How long until the new ferry makes money?',
        'The yard will build 250 ferries a year, and it will take 18 months before the ferry makes money.',
      ),
    ).toBe('18 months');
    // "One wrote" is a pronoun; "how much does the winner get" is a sum, not "nine laps".
    expect(
      ask(
        'How many riders used the ferry app in 2015?',
        'One wrote that about 4 million riders used the ferry app in 2015.',
      ),
    ).toBe('about 4 million riders');
    expect(
      ask(
        'How much does the winner get in the ferry race?',
        'With nine laps to go, Ana led the ferry race and the $50,000 the winner gets.',
      ),
    ).toBe('$50,000');
    // A score on the way ("put them up 16-9") is not the final score.
    expect(
      ask(
        'What was the final score of the Gulls game?',
        'A late catch put the Gulls up 16-9, and they held on for a 16-12 win in the Gulls game.',
      ),
    ).toBe('16-12');
    // "It wasn't because …" denies a cause; "about 1 nanometre" measures how thick.
    expect(
      ask(
        'Why did Ana build the ferry?',
        '“It wasn’t because I wanted to sell it; Ana built the ferry because the old one sank,” she said.',
      ),
    ).toBe('the old one sank');
    expect(ask('How thick is a sheet of the new foil?', 'Each sheet of the new foil is about 1 nanometer thick.')).toBe(
      'about 1 nanometer',
    );
  });

  it('names the person, not their office, and finds a relative the sentence calls by the role asked', () => {
    expect(
      ask('Who is the harbour board president?', 'It would be a mistake, said Harbour Board President Ana Lund.'),
    ).toBe('Ana Lund');
    // "Kelce" repeats the question's name, but "wife" says she is the one asked about.
    expect(
      ask(
        "Who is Jason Kelce's wife?",
        'Jason Kelce mocked the show on The Harbour Hour, and he shares three children with wife Kylie Kelce.',
      ),
    ).toBe('Kylie Kelce');
  });

  it('reads an office, a relative, an age, an audience and a compound count as a member asks for them', () => {
    // The rest of an office after its head ("Chief of Staff") is not the person's name.
    expect(
      ask(
        'Who chairs the harbour council?',
        'The council is chaired by Deputy Chief of Staff Ana Lund, who will meet the ferry operators.',
      ),
    ).toBe('Ana Lund');
    // A relative's name may share the person's surname.
    expect(
      ask(
        "Who are Lena Marsh's parents?",
        'Lena Marsh is the second child of Eileen and Jeff Marsh, both ferry pilots.',
      ),
    ).toMatch(/Eileen|Jeff Marsh/);
    // "who turns 80" states an age.
    expect(ask('How old is Ana Lund turning?', 'Ana Lund, who turns 80 in November, still pilots the ferry.')).toBe(
      '80',
    );
    // Whom someone told is an audience, not where.
    expect(
      ask(
        'Where did Ana Lund train as a pilot?',
        'Ana Lund told Harbour Radio she trained as a pilot in Lisbon before joining the ferry line.',
      ),
    ).toBe('Lisbon');
    // The person who did what is asked about is not where it was done.
    expect(
      ask(
        'Where did the harbour boss plead guilty?',
        'The harbour boss, Tom Hale, faced a court in Lisbon, where Tom Hale pleaded guilty to fraud.',
      ),
    ).toBe('Lisbon');
    // "consumer groups": the compound's head is what is counted.
    expect(
      ask(
        'How many consumer groups joined the ferry complaint?',
        'The complaint has 3 lawyers, and 18 consumer groups joined the ferry complaint on Monday.',
      ),
    ).toBe('18 consumer groups');
  });

  it('answers nothing from a link prompt to another page', () => {
    expect(
      spanAmong('Who coaches Lena Marsh?', [
        ranked(1, 'a', 'Harbour news', 'Watch this story: Lena Marsh Workout Routine Challenges Michael Brand.'),
        ranked(0.9, 'b', 'Harbour news', 'Lena Marsh is coached by Rika Moore at the harbour club.'),
      ]),
    ).toBe('Rika Moore');
  });

  it('reads a range of figures as one, and counts people by any noun for them', () => {
    expect(
      ask(
        'What is the ferry contract expected to be worth?',
        'The ferry contract is expected to be worth $500–$600 million.',
      ),
    ).toBe('$500–$600 million');
    expect(
      ask(
        'How many people took part in the ferry study?',
        'More than 110,000 participants took part in the ferry study.',
      ),
    ).toBe('More than 110,000');
  });

  it('does not take a name in the possessive for where something happened', () => {
    const plea = [ranked(1, 'p', 'Ferry plea', 'Tidecoin’s founder pleaded guilty on Tuesday in a court in Bergen.')];
    expect(composeExtractiveAnswer('Where did the founder plead guilty?', plea, equalWeights).span).toBe('Bergen');
  });

  it('prefers a written date to a weekday, across sentences', () => {
    const prize = [
      ranked(1, 'p', 'Harbour prize', 'Three builders won the 2023 harbour ferry prize Wednesday for their designs.'),
      ranked(2, 'q', 'Harbour prize', 'The board announced the prize October 4.'),
    ];
    expect(composeExtractiveAnswer('When was the 2023 harbour ferry prize announced?', prize, equalWeights).span).toBe(
      'October 4',
    );
  });

  it('does not answer a request for instructions with a sentence that never names the action', () => {
    const vpn = [
      ranked(
        1,
        'n',
        'VPN tips',
        'On public WiFi in a cafe, a VPN hides what you do from the owner of the WiFi router.',
      ),
    ];
    expect(composeExtractiveAnswer('how do i factory reset my wifi router', vpn, equalWeights)).toMatchObject({
      abstained: true,
    });
    const reset = [
      ranked(
        1,
        'r',
        'Router help',
        'To reset the WiFi router to its factory settings, hold its button for ten seconds.',
      ),
    ];
    expect(composeExtractiveAnswer('how do i factory reset my wifi router', reset, equalWeights).abstained).toBe(false);
  });

  it('says plainly that the articles do not state it, quoting the closest sentence', () => {
    const answer = composeExtractiveAnswer('How much did the electric ferries cost?', ferries, equalWeights);
    expect(answer).toMatchObject({ abstained: true, notStated: true, answerType: 'money' });
    expect(answer.answer).toMatch(/^The articles here don't say how much\. The closest they come: “.+” \[1\]$/);
    expect(answer.citations).toHaveLength(1);
  });
});

describe('readsAsProse', () => {
  it.each([
    'Dock workers returned to work on Wednesday.',
    'Was the strike worth it?',
    'The union called it “a fair deal.”',
  ])('quotes %j', (sentence) => {
    expect(readsAsProse(sentence)).toBe(true);
  });

  it.each([
    'Port strike ends after eleven days',
    'Dave Clark (L) and Ryan Petersen (R) Getty Images',
    'DOCK WORKERS END STRIKE: ‘A FAIR DEAL.’',
    'Port email {{ #verifyErrors }} {{ message }} {{ /verifyErrors }} Something went wrong.',
  ])('does not quote the heading, caption or form text %j', (sentence) => {
    expect(readsAsProse(sentence)).toBe(false);
  });

  it('never quotes a heading even when it covers the question best', () => {
    const withHeading = [
      ranked(
        1,
        'a',
        'Port news',
        'Port strike lasted eleven days\nDock workers returned on Wednesday after the strike at the port ended.',
      ),
    ];
    const answer = composeExtractiveAnswer('How many days did the port strike last?', withHeading, equalWeights);
    // Only the heading states the length, so the prose does not: "not stated", with the prose as the closest.
    expect(answer).toMatchObject({ abstained: true, notStated: true });
    expect(answer.answer).not.toContain('Port strike lasted');
    expect(answer.answer).toContain('“Dock workers returned on Wednesday after the strike at the port ended.” [1]');
  });

  it('never quotes a heading glued to the sentence before it', () => {
    const glued = [
      ranked(
        1,
        'a',
        'Port news',
        'Dock workers ended the port strike after eleven days by a vote.PORT STRIKE: HOW DID IT END? The vote was close.',
      ),
    ];
    const answer = composeExtractiveAnswer('How did the port strike end?', glued, equalWeights);
    expect(answer.answer).not.toContain('PORT STRIKE');
    expect(answer.answer).toContain('Dock workers ended the port strike after eleven days by a vote. [1]');
  });
});

describe('splitSentences', () => {
  it.each([
    [
      'splits where scraped text lost the space after a stop',
      'It was sent early by mistake.WHAT WON THE PRIZE? Three chemists won.',
      ['It was sent early by mistake.', 'WHAT WON THE PRIZE?', 'Three chemists won.'],
    ],
    [
      'does not end a sentence at a title before a name',
      'He ranked No. 22 Utah ahead of Mr. Smith and Fr. Jones. Then St. Louis won against Arizona vs. Utah.',
      ['He ranked No. 22 Utah ahead of Mr. Smith and Fr. Jones.', 'Then St. Louis won against Arizona vs. Utah.'],
    ],
    [
      'does not end a sentence at a middle initial, and does after a letter that is not one',
      'John F. Kennedy spoke at the dock. They were drawn in Group B. The draw was held.',
      ['John F. Kennedy spoke at the dock.', 'They were drawn in Group B.', 'The draw was held.'],
    ],
    [
      'does not end a sentence at a short month before its day, and does after one that ends it',
      'Chelsea announced it on Saturday, Nov. 4. The deal closed in Nov. The next is due in spring.',
      ['Chelsea announced it on Saturday, Nov. 4.', 'The deal closed in Nov.', 'The next is due in spring.'],
    ],
    [
      'does not end a sentence inside a quotation that closes in its paragraph',
      '"Sam said, we were safe last year. We aren\'t safe this year," he testified. He left. “Go. Now!” she said.',
      [
        '"Sam said, we were safe last year. We aren\'t safe this year," he testified.',
        'He left.',
        '“Go. Now!” she said.',
      ],
    ],
    [
      'splits as usual after a quotation mark that does not close in its paragraph',
      'He said "no. Then it rained. It stopped.\n\n“We were glad. We went home.',
      ['He said "no.', 'Then it rained.', 'It stopped.', '“We were glad.', 'We went home.'],
    ],
  ])('%s, keeping offsets', (_case, text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual(expected);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it.each([
    'The U.S.Army said so.',
    'Use a plan, e.g.The one above.',
    'Ask Mr.Smith about it.',
    'It runs on Node.js today.',
  ])('keeps %j whole', (text) => {
    expect(splitSentences(text)).toHaveLength(1);
  });
});

describe('session 17 answer rules', () => {
  it('reads a short title in quotation marks as no speaker', () => {
    const text =
      'Paul Greer released an album of carols this week. He said "Silent Night," which he sings on it, "was my father’s favourite carol of all."';
    expect(ask('What did Paul Greer say about Silent Night?', text)).toMatch(/father’s favourite/);
  });

  it('reads a written-out office as its abbreviation and drops the office from the name', () => {
    const text = 'The letter was sent to Chief Executive Officer Lena Park on Monday.';
    expect(ask('Who is the CEO?', text)).toBe('Lena Park');
  });

  it('answers who holds an office now with the holder, not the former one', () => {
    expect(
      ask(
        'Who is the CEO of Harbour Bank?',
        'Former chief executive Dan Holt was replaced in 2021 by Mara Quinn, who runs Harbour Bank today.',
      ),
    ).toBe('Mara Quinn');
    expect(
      ask(
        'Who is the CEO of Harbour Bank?',
        'Harbour Bank said former CEO Dan Holt would advise its chief executive, Mara Quinn.',
      ),
    ).toBe('Mara Quinn');
  });

  it('reads a range of years as one length', () => {
    expect(
      ask('How long will the repairs take?', 'The repairs will take two to three years, the council said.'),
    ).toMatch(/^two to three years$/i);
  });

  it('reads a figure glued to a word as no figure', () => {
    expect(ask('How many points did the team score?', 'The 49ers scored 31 points against the Rams on Sunday.')).toBe(
      '31 points',
    );
  });

  it('takes the share of the group asked about', () => {
    const text = 'The survey found that 14% of adults and 12% of children skip breakfast every day.';
    expect(ask('What percentage of adults skip breakfast?', text)).toMatch(/^14%/);
  });
});

describe('session 18 answer rules', () => {
  it('keeps the particles of a family name inside the name', () => {
    expect(ask('Who scored the winner?', 'Mickey van de Ven scored the winner in the 80th minute on Sunday.')).toBe(
      'Mickey van de Ven',
    );
  });

  it('reads an age set off after the noun that names a person, but not an age at an earlier event', () => {
    expect(
      ask('How old is the supermodel?', 'The supermodel, 32, recently shared several images from her shoot.'),
    ).toBe('32');
    expect(ask('How old is Emily?', 'Emily was only 2½ years old when her own mother died.')).toBeUndefined();
  });

  it('counts a ban in games as a length', () => {
    expect(
      ask(
        'How long did the league suspend the coach for?',
        'The league suspended coach Jim Harbo for three games on Friday.',
      ),
    ).toBe('three games');
  });

  it('answers what someone called something with the words in quotation marks after "as"', () => {
    expect(
      ask(
        'What did Ursula von der Leyen call the deal?',
        'Ursula von der Leyen, who made “trustworthy” rules a priority, also lauded the deal as a “global first”.',
      ),
    ).toBe('global first');
  });

  it('takes a word or two in quotation marks as what someone called it only after a verb of calling', () => {
    expect(
      ask(
        'What did the judge call the deal?',
        'Unlike the “walled garden” of its rival, the deal was “a clear abuse of market power,” the judge said.',
      ),
    ).toMatch(/^a clear abuse of market power/);
    expect(
      ask(
        'What did the judge call the deal?',
        'Unlike the “walled garden” of its rival, the deal was unfair, the judge said.',
      ),
    ).not.toBe('walled garden');
  });

  it('prefers the name the sentence calls by the asked kind', () => {
    expect(
      spanAmong("Who is Connor Bedard's agent?", [
        ranked(1, 'a', 'Bedard debut', 'Sidney Crosby faced Connor Bedard on the draw to start the game.'),
        ranked(2, 'b', 'Bedard shot', 'Turk had no idea who Bedard was when he took a call from agent Greg Landry.'),
      ]),
    ).toBe('Greg Landry');
  });

  it('strips a leader’s office from the name', () => {
    expect(
      ask('Who held the forum?', 'On Wednesday, US Senate Majority Leader Chuck Schumer held a forum on the rules.'),
    ).toBe('Chuck Schumer');
  });
});

describe('session 22 answer rules', () => {
  it('reads lengths of time in units the recogniser does not know', () => {
    expect(ask('How long did the strike last?', 'The dock strike lasted a fortnight before talks resumed.')).toBe(
      'a fortnight',
    );
    expect(ask('How long did the family run the mill?', 'The family ran the mill for half a century.')).toBe(
      'half a century',
    );
  });

  it('reads "would" after a verb of saying as the reported "will", not a hedge', () => {
    const text = 'The council transport chief, Martin Crane, said the deal would cost about £3.2 million a year.';
    expect(ask('How much will the deal cost?', text)).toBe('£3.2 million a year');
    expect(ask('How much does the deal cost?', text)).toBe('£3.2 million a year');
    expect(ask('How much did the deal cost?', 'Analysts think the deal would cost about £3 million.')).toBeUndefined();
  });

  it('quotes a speaker asked by role only when the role is theirs, and says plainly when no passage names them', () => {
    const text =
      '"This is a victory for every deckhand who kept the boats running," said the union\'s regional secretary, Aileen Doyle.';
    expect(ask('What did the regional secretary say?', text)).toContain('This is a victory');
    expect(ask('What did Aileen Doyle say?', text)).toContain('This is a victory');
    const mayor = answerOver('What did the mayor say about the victory?', text);
    expect(mayor.abstained).toBe(true);
    expect(mayor.answer).toMatch(/^The articles here don't say what the mayor said about the victory\./);
    const germany = answerOver('What did Germany say about the victory?', text);
    expect(germany.answer).toMatch(/^The articles here don't say what Germany said about the victory\./);
  });

  it('does not need the article to repeat "say" to quote the person a question names', () => {
    const text =
      'Workers voted to accept the offer. "This is a victory for every deckhand," said the union\'s regional secretary, Aileen Doyle.';
    // "say" is absent from the library (the article writes "said"): it must not outweigh the name.
    const sayIsRare: TermWeights = (stems) => new Map(stems.map((stem) => [stem, stem === stemOf('say') ? 1.4 : 0.3]));
    const answer = answerOver('What did Aileen Doyle say?', text, sayIsRare);
    expect(answer.abstained).toBe(false);
    expect(answer.span).toContain('This is a victory');
  });

  it('answers with the words reported after "that" when nobody is quoted, without quotation marks', () => {
    const answer = answerOver(
      'What did Martin Crane warn?',
      'The council transport chief, Martin Crane, said the deal was costly. He warned that fares could rise next spring to cover part of the cost.',
    );
    expect(answer.span).toBe('fares could rise next spring to cover part of the cost');
    expect(answer.answer).toMatch(/^\*\*Fares could rise next spring to cover part of the cost\.\*\* He warned/);
    // A clause too short to be anyone's words ("said that on Monday") is not an answer.
    expect(ask('What did Martin Crane say?', 'Martin Crane said that on Monday.')).toBeUndefined();
  });

  it('reads a count whose noun is left out before the asked verb ("two killed and 57 injured")', () => {
    const text = 'At least two people were killed and 57 injured, the regional governor told reporters.';
    expect(ask('How many people were injured?', text)).toBe('57');
    expect(ask('How many people were killed?', text)).toBe('At least two people');
  });

  it('says what a measure question asked when it is not stated ("how old", not "how many")', () => {
    const answer = answerOver(
      'How old is the ferry captain Ann Lowe?',
      'The ferry captain Ann Lowe has sailed the harbour route for the town.',
    );
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/^The articles here don't say how old\. The closest they come: /);
  });

  it('does not read a named century as a length of time', () => {
    expect(
      ask('How long did the mill run?', 'The mill was built in the 20th century by a local family.'),
    ).toBeUndefined();
  });
});

describe('session 23 answer rules', () => {
  const court = [
    'Gareth Pryce, 58, pleaded guilty at Cardiff Crown Court to fraud by abuse of position.',
    'Judge Helen Marsh said Pryce had "betrayed the trust of the most vulnerable people in this city" and showed no remorse.',
    'Pryce\'s lawyer, Sian Roberts, said her client was "deeply ashamed" and had already sold his house.',
  ];

  it('judges whether a tiny library covers a question with an absent word weighing no more than its rarest present one', () => {
    const found = [
      ranked(1, 'a', 'Former councillor jailed', court[0] ?? ''),
      ranked(2, 'a', 'Former councillor jailed', `${court[1]} ${court[2]}`),
      ranked(3, 'b', 'Lander reaches the Moon', 'The lander Halcyon touched down near the south pole on Tuesday.'),
    ];
    const frequencies = new Map<string, number>();
    for (const { passage } of found)
      for (const stem of new Set(wordTokens(`${passage.article.title} ${passage.text}`).map(stemOf)))
        frequencies.set(stem, (frequencies.get(stem) ?? 0) + 1);
    const counts = { passages: found.length, frequencies };
    const rarity: TermWeights = (stems) => idfWeights(stems, counts);
    // "old" is in no passage: with three passages its rarity outweighs both names together.
    expect(composeExtractiveAnswer('How old is Gareth Pryce?', found, rarity).abstained).toBe(true);
    const capped: TermWeights = (stems) => idfWeightsAbsentCapped(stems, counts);
    const answer = composeExtractiveAnswer('How old is Gareth Pryce?', found, rarity, undefined, capped);
    expect(answer.span).toBe('58');
    // A question about what the library does not hold is still refused.
    expect(composeExtractiveAnswer('How many people were injured?', found, rarity, undefined, capped).abstained).toBe(
      true,
    );
  });

  it('quotes the role a possessive names ("Pryce\'s lawyer"), not the person it belongs to', () => {
    const answer = answerOver("What did Pryce's lawyer say?", court.slice(1).join(' '));
    expect(answer.answer).toMatch(/^(?:\*\*.*\*\* )?Pryce's lawyer, Sian Roberts/);
  });

  it('takes no answer from a passage that never names what a short question names', () => {
    const found = [
      ranked(1, 'a', 'Lander reaches the Moon', 'The lander was built by the Bremen start-up Selene Works.'),
      ranked(
        2,
        'b',
        'Councillor jailed',
        "The council's chief executive, Amira Shah, said an independent review would report by March.",
      ),
    ];
    const answer = composeExtractiveAnswer('Who is the CEO of Selene Works?', found, equalWeights);
    expect(answer.span).toBeUndefined();
    expect(answer.answer).not.toContain('Amira Shah');
  });

  it('reads "over" as a cause only when it opens one', () => {
    expect(
      ask(
        'Why did the dock workers strike?',
        'The dock workers went on strike over a pay offer they called insulting.',
      ),
    ).toBe('a pay offer they called insulting');
    const failed = 'Two earlier landers failed: one tipped over on touchdown and another lost contact during descent.';
    expect(ask('Why did the earlier landers fail?', failed)).toBeUndefined();
    expect(
      ask('Why did the officers sign?', 'Two officers must now sign off any payment over £5,000.'),
    ).toBeUndefined();
  });

  it('reads a hyphenated modifier between a count and its unit ("8,500 U.S.-stationed service members")', () => {
    expect(
      ask(
        'How many service members would be ordered to prepare?',
        'Kirby said that 8,500 U.S.-stationed service members would be ordered to prepare for deployment.',
      ),
    ).toBe('8,500 U.S.-stationed service members');
  });

  it('counts a length of time with a word between the count and its unit ("fourteen Earth days")', () => {
    const text = 'Halcyon is expected to operate for fourteen Earth days, until the lunar night begins.';
    expect(ask('How long will Halcyon operate?', text)).toBe('fourteen Earth days');
    expect(ask('How long do refunds take?', 'Refunds take ten working days to arrive.')).toBe('ten working days');
  });
});

describe('session 24 answer rules', () => {
  it('reads a change told as a multiple ("more than doubled") as how much something rose', () => {
    const text = 'Melbourne-based biotech Dimerix more than doubled its share price to 16¢ on Thursday.';
    expect(ask('How much did Dimerix shares rise?', text)).toBe('more than doubled');
    expect(ask('How much did the loss grow?', 'The loss nearly tripled, to $40 million.')).toBe('nearly tripled');
    // "doubled down" is a stance, not a change.
    expect(ask('How much did the mayor rise?', 'The mayor doubled down on the plan.')).toBeUndefined();
  });

  it('reads a figure with the cent sign after it as a sum', () => {
    expect(ask('How much does a stamp cost?', 'A first-class stamp now costs 85¢ at the post office.')).toBe('85¢');
  });
});

describe('session 24 answers over a small library', () => {
  const results = [
    'Brightwater Foods will cut 1,200 jobs after its third-quarter profit fell by 38 per cent, the snack maker said on Wednesday.',
    'Net profit dropped to $84 million, as the cost of cocoa rose faster than the company could raise prices.',
    'Shares in Brightwater fell 9 per cent to $41.20 in New York.',
  ];

  it('answers by how much something changed with the share, the multiple or the sum of the change', () => {
    expect(ask("How much did Brightwater's profit fall?", results.join(' '))).toBe('38 per cent');
    // "to $84 million" is where profit ended, not by how much it fell.
    expect(ask('How much did the net profit drop?', results[1] ?? '')).toBeUndefined();
    expect(ask('How much did revenue rise?', 'Revenue rose $3 million to $50 million.')).toBe('$3 million');
  });

  it('gives no reason that only restates the event asked about', () => {
    expect(ask("Why did Brightwater's profit fall?", results[0] ?? '')).toBeUndefined();
  });

  it('reads "for" before a gerund as a cause', () => {
    const text =
      "City's manager, Phil Ashby, was sent to the stands in the second half for protesting about the free kick.";
    expect(ask('Why was Phil Ashby sent off?', text)).toBe('protesting about the free kick');
  });

  it('says "not stated", not "found nothing", when a passage names everything the question names', () => {
    const text =
      "Ashford Rovers reached the semi-finals after Daniel Okonkwo's header in the 88th minute gave them a 2-1 win over Marlow City.";
    const answer = answerOver('Who scored the winner for Rovers?', text);
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/^The articles here don't say who it was\. The closest they come: “Ashford Rovers/);
    // A question naming something no passage names is still "found nothing".
    expect(answerOver('Who scored the winner for Castlegate?', text).answer).toBe(ABSTENTION_TEXT);
    // A name is named whole: "World" of "World War Two" is not the World Cup.
    const war = "Biden said it would be the 'largest invasion since World War Two'.";
    expect(answerOver('Who won the 2018 football World Cup?', war).answer).toBe(ABSTENTION_TEXT);
    // The article's later passage ranked first: of sentences that cover the question as well, the lede is closest.
    const later = ranked(1, 'a', 'Cup tie', 'Rovers captain Mark Tully limped off with a hamstring injury.');
    later.passage.seq = 1;
    const lede = ranked(2, 'a', 'Cup tie', text);
    const closest = composeExtractiveAnswer('Who scored the winner for Rovers?', [later, lede], equalWeights);
    expect(closest.answer).toContain('The closest they come: “Ashford Rovers');
  });

  it('says what someone said is not stated when nothing found mentions what it was about', () => {
    const answer = answerOver('What did Brightwater say about dividends?', results.join(' '));
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/^The articles here don't say what Brightwater said about dividends\./);
  });
});

describe('session 25 answers over a small library', () => {
  const storm = [
    'Storm Idris flooded about 2,300 homes across the Severn valley on Friday, the Environment Agency said.',
    'The River Teme at Ludlow peaked at 5.4 metres on Friday morning, 30 centimetres above its previous record.',
    'Forecasters said 140 millimetres of rain fell on the Welsh hills in 48 hours.',
    'A 71-year-old man died after his car was swept off a flooded road near Bewdley, West Mercia Police said.',
    '"This is the worst flooding this valley has seen," said Councillor Janet Morrow, leader of Shropshire Council.',
  ];
  const deal = [
    'Halden will pay 38 Swedish kronor a share, a premium of 27 per cent to the closing price on Friday.',
    'The deal is subject to approval by regulators, and analysts at Morgan Stanley said the price was high.',
    'The unions at Voltaro said they welcomed the promise on jobs but wanted it in writing.',
  ];

  it('asks how much of something there was, not by how much it changed, when no helper verb follows "how much"', () => {
    expect(ask('How much rain fell?', storm.join(' '))).toBe('140 millimetres of rain');
    // "How much did X fall?" is still a change.
    expect(ask('How much did the shares fall?', 'Shares fell 9 per cent to $41.20.')).toBe('9 per cent');
    // A sum answers "how much damage" too.
    expect(ask('How much damage did the floods cause?', 'Insurers estimate the flood damage at £85 million.')).toBe(
      '£85 million',
    );
  });

  it('does not let the word that names the dimension ("high") pick the sentence', () => {
    const found = [ranked(1, 'a', 'Storm Idris', storm.join(' ')), ranked(2, 'b', 'Voltaro deal', deal.join(' '))];
    expect(spanAmong('How high did the River Teme rise?', found)).toBe('5.4 metres');
  });

  it('reads a sum in a currency the recogniser does not know', () => {
    expect(ask('How much will Halden pay per share?', deal[0] ?? '')).toBe('38 Swedish kronor a share');
  });

  it('does not give the source a sentence is attributed to as the one who did what it reports', () => {
    expect(ask('Who died in the floods?', storm.join(' '))).toBe('A 71-year-old man');
    // The leader named in a quotation's attribution still answers who the leader is.
    expect(ask('Who is the leader of Shropshire Council?', storm[4] ?? '')).toBe('Councillor Janet Morrow');
    // Called by the deed ("founder"), the attributed speaker is the answer.
    expect(ask('Who founded Daye?', 'Daye grew fast, as founder Valentina Milanova explained last year.')).toBe(
      'Valentina Milanova',
    );
    const arrest =
      'A 34-year-old man from Bristol and a 29-year-old man from Swindon were arrested on Sunday, police said.';
    expect(ask('Who was arrested?', arrest)).toBe('A 34-year-old man from Bristol and a 29-year-old man from Swindon');
  });

  it('quotes words reported without "that", but not a clause that only tells of a talk', () => {
    expect(ask('What did the unions say?', deal[2] ?? '')).toBe(
      'they welcomed the promise on jobs but wanted it in writing',
    );
    // "said she spoke to the board" tells of a talk, not what was said in it.
    expect(
      ask('What did Keane say to the board?', 'Keane said she spoke to the board about suppliers.'),
    ).toBeUndefined();
    expect(ask('What did Keane say to the board?', 'Keane said the board would cut prices.')).toBe(
      'the board would cut prices',
    );
  });

  it("gives no cause from a sentence that holds none of the question's words outside the cause", () => {
    const raid = [
      'Two men were charged after jewellery worth £2 million was stolen from a shop in Bath.',
      'A shop assistant suffered a broken wrist and was treated in hospital.',
    ].join(' ');
    expect(ask('Why was the shop assistant treated in hospital?', raid)).toBeUndefined();
    expect(ask('Why were the two men charged?', raid)).toBe(
      'jewellery worth £2 million was stolen from a shop in Bath',
    );
  });

  it('reads a cause on past the apposition of its subject', () => {
    const text =
      'The vote was called after the sitting MP, Sir Geoffrey Lyle, resigned in September following a scandal.';
    expect(ask('Why was the vote called?', text)).toBe(
      'the sitting MP, Sir Geoffrey Lyle, resigned in September following a scandal',
    );
  });

  it('reads a swing in points as a size, and a name with a number after it as no place', () => {
    const swing = 'Professor Ruth Amis said the swing of 24 points to the Greens was the largest since 1993.';
    expect(ask('How big was the swing?', swing)).toBe('24 points');
    const launch = 'Lumen has unveiled the Aria 3, a mid-range phone, at an event in Seoul on Wednesday.';
    expect(ask('Where was the phone unveiled?', launch)).toBe('Seoul');
  });

  it('takes a figure with the asked unit as stated when the headline names what the sentence calls "it"', () => {
    const text =
      'Lumen has unveiled its new phone in Seoul. It has a 6.4-inch screen, weighs 182 grams and comes in three colours.';
    expect(spanAmong('How heavy is the phone?', [ranked(1, 'a', 'Lumen unveils the Aria 3 phone', text)])).toBe(
      '182 grams',
    );
  });

  it('tells a figure with its bound, and adds no sentence of another article that covers little of the question', () => {
    const storm = 'More than 400 people were evacuated from Tenbury Wells as the river rose.';
    const deal = 'Voltaro employs 3,100 people at its plant in Skellefteå.';
    const answer = composeExtractiveAnswer(
      'How many people were evacuated from Tenbury Wells?',
      [ranked(1, 'a', 'Storm Idris', storm), ranked(2, 'b', 'Voltaro deal', deal)],
      equalWeights,
    );
    expect(answer.span).toBe('More than 400 people');
    expect(answer.citations.map((citation) => citation.articleId)).toEqual(['a']);
  });

  it('reads the noun of who does something as of the verb\'s family ("owner" for "owns")', () => {
    const shop = [
      'Two men were charged after jewellery was stolen from a shop in Bath.',
      "The shop's owner, Richard Holloway, said the family business had traded in Bath for 112 years.",
    ].join(' ');
    expect(ask('Who owns the shop?', shop)).toBe('Richard Holloway');
  });

  it('reads a police rank as an office before the name, so the question\'s "detective" stands beside it', () => {
    const text = 'Detective Inspector Carla Nunes said most of the stolen rings had been recovered from the van.';
    expect(ask('Who is the detective in charge?', text)).toBe('Carla Nunes');
  });

  it("reads a cut as a change, a place in a table as a rank, and a people's adjective as no club", () => {
    const study =
      'People who walk for 20 minutes a day are a third less likely to develop heart disease, a study of 84,000 adults found.';
    expect(ask('How much does walking cut heart risk?', study)).toBe('a third');
    const table = [
      'Castleford manager Erik Lindqvist said Ruiz had been his first choice since the summer.',
      'Castleford are 14th in the league, four points above the relegation zone.',
    ].join(' ');
    expect(ask('Where is Castleford in the league?', table)).toBe('14th');
    const signing = 'The Uruguayan striker Mateo Ruiz has joined the club from Porto for £38 million.';
    expect(ask('Which club did Ruiz join from?', signing)).toBe('Porto');
  });

  it('tells a sum with its rate, and a length of time with what lasts it', () => {
    const deal = 'Halden will pay 38 Swedish kronor a share, a premium of 27 per cent.';
    expect(ask('How much will Halden pay per share?', deal)).toBe('38 Swedish kronor a share');
    expect(ask('How long is his contract?', 'Ruiz, 24, has signed a five-year contract.')).toBe('a five-year contract');
  });

  it('reads an obituary\'s "She was 88." as the age, and the speaker only before the verb of speech', () => {
    const obituary = [
      'Margaret Ellery, the architect who rebuilt the market hall, has died at her home in Warwick. She was 88.',
      '"She believed a building should make people feel welcome," said the architect Sunil Chaudhry.',
    ].join(' ');
    const found = [ranked(1, 'a', 'Margaret Ellery, the architect, dies at 88', obituary)];
    expect(spanAmong('How old was Margaret Ellery?', found)).toBe('88');
    // Ellery is who the words are about, not who said them: no passage names the Queen.
    const answer = answerOver('What did the Queen say about Ellery?', obituary);
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/^The articles here don't say what the Queen said about Ellery\./);
  });

  it('says a role holder the question names by place ("the mayor of Bath") is not quoted when no passage names the role', () => {
    const shop = '"Nothing like this has ever happened to us in Bath," said the owner, Richard Holloway.';
    const answer = answerOver('What did the mayor of Bath say?', shop);
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/^The articles here don't say what the mayor of Bath said\./);
  });
});
