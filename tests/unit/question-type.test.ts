import { describe, expect, it } from 'vitest';
import {
  type AnswerType,
  asksDoer,
  instructionVerb,
  kindNoun,
  measureWordOf,
  questionFocus,
  questionType,
  speakerRole,
  withoutMeasureWord,
} from '../../src/answer/question-type.js';

describe('kindNoun', () => {
  it.each([
    ['Which crypto exchange will pay the fine?', 'exchange'],
    ['Which NBA team signed him?', 'team'],
    ['What law firm is defending him?', 'firm'],
    ['Which Cherokee Nation leader criticised the doll?', 'leader'],
    ['Who did the board approach?', undefined],
    ["Who is the Gulls' interim coach?", 'coach'],
    ['Who was their first captain?', 'captain'],
    ["Who is Jason Kelce's wife?", 'wife'],
    ["Who are Mikaela Shiffrin's parents?", 'parent'],
  ])('reads the kind "%s" asks for as %s', (question, noun) => {
    expect(kindNoun(question)).toBe(noun);
  });
});

describe('instructionVerb', () => {
  it.each([
    ['how do i factory reset my wifi router', 'factory'],
    ['How can you cancel a subscription?', 'cancel'],
    ['how to renew a passport', 'renew'],
    ['How did the council react?', undefined],
    ['How do I get to the stadium?', undefined],
  ])('reads the action "%s" asks how to do as %s', (question, verb) => {
    expect(instructionVerb(question)).toBe(verb);
  });
});

describe('questionType', () => {
  it.each<[string, AnswerType, string?]>([
    ['Who directed the new Batman film?', 'person'],
    ["who's the guy that runs the ferry company", 'person'],
    // Of someone named, "who is" asks what they are, not a name; a possessive still asks for one.
    ['Who is Aileen Doyle?', 'other'],
    ["Who was Conan O'Brien?", 'other'],
    ["Who is OpenAI's CEO?", 'person'],
    ['Which senators introduced the bill?', 'person'],
    ['Which law firm is defending him?', 'organization'],
    ['Where does the researcher work?', 'organization'],
    ['Where did the strike start?', 'place'],
    ['In what city was the summit held?', 'place'],
    ['When did the talks collapse?', 'date'],
    ['since when has the bridge been closed', 'date'],
    ['What year did the club move there?', 'date', 'year'],
    ['On what date did the ban take effect?', 'date', 'day'],
    ['How long did the strike last?', 'duration'],
    ['How many years of revenue does the deal lock in?', 'duration', 'years'],
    ['How many more days will the strike last?', 'duration', 'days'],
    ['What sentence did the former chief executive receive?', 'duration'],
    ['How many passengers will each ferry carry?', 'number', 'passengers'],
    ['how big is the new stadium', 'number'],
    ['What jersey number will he wear?', 'number', 'jersey'],
    ['How many U.S. troops has the Pentagon put on alert?', 'number', 'troops'],
    ['How many Steam Decks has Valve sold?', 'number', 'decks'],
    ['How many consumer groups joined the complaint?', 'number', 'groups'],
    ['How many home runs did he hit?', 'number', 'runs'],
    ['How much is the new ferry pass?', 'money'],
    ['how much did it cost', 'money'],
    ['How much was the company valued at?', 'money'],
    ['What will the new coach earn per year?', 'money'],
    ['What share of voters backed the plan?', 'percent', 'voters'],
    ['How big a stake does the fund hold?', 'percent'],
    ['How much per share is the buyer paying for his stake?', 'money'],
    ['How much in damages did the jury award?', 'money'],
    ['What did Judge Ana Ruiz rule in the case?', 'other'],
    ['By how much did prices rise in March?', 'percent'],
    ['Why did the council delay the vote?', 'reason'],
    ['What led to the collapse of the talks?', 'reason'],
    ['What did the mayor say about the budget?', 'quote'],
    ['How did the union react to the offer?', 'quote'],
    ['What did the analyst make of the merger?', 'quote'],
    ['Did the council approve the plan when it met on Monday?', 'other'],
    ['Is the bridge open again?', 'other'],
    ['Tell me about the harbour strike', 'other'],
    ['Which golfer called the rollback a handicap?', 'person'],
    ['What quarterback threw the late touchdown?', 'person'],
    ['Which Blue Jays pitcher decried the situation?', 'person'],
    ['How often does the ferry sail?', 'duration'],
    ['Which ferry left first?', 'other'],
    ['Who ran the survey finding 97% of riders use the app?', 'person'],
    ['How much does the winner get?', 'money'],
    ['How many under-13s use the app?', 'number'],
    ['How thick is the new sea wall?', 'number'],
  ])('reads "%s" as %s', (question, type, unit) => {
    expect(questionType(question)).toMatchObject(unit ? { type, unit } : { type });
    if (!unit) expect(questionType(question).unit).toBeUndefined();
  });

  it.each([
    ['how big is the new stadium', 'size'],
    ['How far did the ferry sail?', 'length'],
    ['How heavy is the new bell?', 'weight'],
    ['How fast did the train go?', 'speed'],
    ['Where do United rank in the league for pressing?', 'rank'],
    ["What was the final score of last night's game?", 'score'],
    ['What is the latest World Series score?', 'score'],
    ['How many runs did the captain score?', undefined],
    ['How many fans came?', undefined],
    ['What is the speed of sound in water?', 'speed'],
    ['How old is the Steam Deck?', 'age'],
    ['At what age did she retire?', 'age'],
    ["What's the height of the new tower?", 'length'],
    ['What is the length of his contract?', undefined],
    ['How thick is the new sea wall?', 'length'],
    // A change is asked whatever changed: a profit, a price, a share.
    ["How much did Brightwater's profit fall?", 'change'],
    ['How much did Dimerix shares rise yesterday?', 'change'],
    ['How much profit did Brightwater make?', undefined],
    // Without a helper verb after "how much", the question asks how much of the thing there was.
    ['How much rain fell?', undefined],
    ['How much has the price risen since 2020?', 'change'],
    ['How much does walking cut heart risk?', 'change'],
    ['How much could the fee rise to?', undefined],
    ['Where is Castleford in the league?', 'rank'],
    ['Where are United in the table?', 'rank'],
  ])('reads what "%s" measures as %s', (question, measure) => {
    expect(questionType(question).measure).toBe(measure);
  });

  it("finds the question's focus: the unit counted, or the word after its wh-word", () => {
    expect(questionFocus('How many fans were at the final?', questionType('How many fans were at the final?'))).toBe(
      'fans',
    );
    expect(questionFocus('Who directed the film?', questionType('Who directed the film?'))).toBe('directed');
    // A where / when question's closing verb: the answer stands beside "born", not beside the name.
    expect(questionFocus('Where was the painter born?', questionType('Where was the painter born?'))).toBe('born');
    expect(questionFocus('When was the prize announced?', questionType('When was the prize announced?'))).toBe(
      'announced',
    );
    // After a named subject, the verb: "train", not the closing "exorcist".
    const trained = 'Where did Fr. Dan Reehil train as an exorcist?';
    expect(questionFocus(trained, questionType(trained))).toBe('train');
  });
});

describe('questionType, session 17', () => {
  it.each([
    ['What was his alter ego called?', 'other', undefined],
    ["What's the new app called?", 'other', undefined],
    ['What did the minister say she was called?', 'quote', undefined],
    ['What percentage of adults are hooked on fast food?', 'percent', 'adults'],
    ['What share of the vote did the party win?', 'percent', 'vote'],
  ])('%j is %s (unit %s)', (question, type, unit) => {
    const read = questionType(question);
    expect(read.type).toBe(type);
    expect(read.unit).toBe(unit);
  });
});

describe('speakerRole', () => {
  it.each([
    ['What did the mayor say?', ['mayor'], 'the mayor'],
    ["What did the company's spokesman say?", ['company', 'spokesman'], "the company's spokesman"],
    ["What did Pryce's lawyer say?", ['lawyer'], "Pryce's lawyer"],
    ["What did Gareth Pryce's lawyer tell the court?", ['lawyer'], "Gareth Pryce's lawyer"],
    // Capitalised words around the role qualify it; only the role is looked for.
    ['What did the mayor of Bath say?', ['mayor'], 'the mayor of Bath'],
    ['What did the City manager say about the referee?', ['manager'], 'the City manager'],
  ])('reads %j as spoken by a role', (question, words, phrase) => {
    expect(speakerRole(question)).toEqual({ words, phrase });
  });

  it.each([
    'What did Kremlin spokesman Dmitry Peskov say?',
    'What did Germany say about Nord Stream 2?',
    'What did he say?',
  ])('finds no role in %j', (question) => {
    expect(speakerRole(question)).toBeUndefined();
  });
});

describe('questionType, session 25', () => {
  it.each([
    ['How much rain fell?', 'number', 'rain', true],
    ['How much damage did the floods cause?', 'number', 'damage', true],
    // A degree after "how much" is no unit.
    ['How much more likely were users to fall ill?', 'number', undefined, undefined],
    ['How much lower was mortality?', 'number', undefined, undefined],
    ['How many homes were flooded?', 'number', 'homes', undefined],
    // "rise to" asks the level reached, not by how much.
    ['How much could the fee rise to?', 'money', undefined, undefined],
  ])('%j is %s of %s (an amount: %s)', (question, type, unit, amount) => {
    const read = questionType(question);
    expect(read.type).toBe(type);
    expect(read.unit).toBe(unit);
    expect(read.amount).toBe(amount);
  });

  it.each([
    ['Who died in the floods?', true],
    ['Who will approve the deal?', true],
    ['Who was arrested?', true],
    ['Who was injured in the crash?', true],
    ['Who is the leader of Shropshire Council?', false],
    ["Who is Halden's chief executive?", false],
    ['Who said the price was high?', false],
    ['Who did Halden hire?', false],
  ])('reads %j as asking who did or underwent something: %s', (question, doer) => {
    expect(asksDoer(question)).toBe(doer);
  });

  it('finds the word that names the dimension asked, and searches without it', () => {
    expect(measureWordOf('How high did the River Teme rise?')).toBe('high');
    expect(withoutMeasureWord('How high did the River Teme rise?')).toBe('how did the River Teme rise?');
    // An age is written with "old" ("two years old"), so "old" stays.
    expect(measureWordOf('How old is the Steam Deck?')).toBeUndefined();
  });
});
