import nlp from 'compromise';
import { isPersonNoun } from '../text/person-names.js';
import type { SpanKind } from '../text/typed-spans.js';

/** What a question asks for. */
export type AnswerType =
  | 'person'
  | 'organization'
  | 'place'
  | 'date'
  | 'duration'
  | 'number'
  | 'money'
  | 'percent'
  | 'reason'
  | 'quote'
  | 'other';

export interface QuestionType {
  type: AnswerType;
  /** The noun a count is of ("how many passengers" -> "passengers") or a share of ("what percentage of adults"), or "year" or "day" for a date asked as one. */
  unit?: string;
  /** What a "how big / far / heavy / fast" question measures, "rank" for "where do they rank", "score" for a game's. */
  measure?: Measure;
  /** "How much rain", "how much damage": the unit is measured (in millimetres, in pounds), not counted. */
  amount?: true;
}

/** The dimensions a figure can be asked by (Li & Roth's NUM:size, NUM:dist, NUM:weight, NUM:speed, NUM:period for an age, NUM:order). */
export type Measure = 'size' | 'length' | 'weight' | 'speed' | 'age' | 'rank' | 'score' | 'change';

/** "What was the final score", "what is the World Series score": a game's ("23-20"), not "how many runs did he score". */
const GAME_SCORE = /\b(?:what|which)\s+(?:was|is|were)\s+the\s+(?:[\w'-]+\s+){0,3}?score\b|\bby\s+what\s+score\b/i;

/**
 * "What is the speed of sound", "the height of the tower": a dimension asked by its name ("length"
 * and "size" are left out: the length of a contract is a time, the size of a deal a sum).
 */
const MEASURE_OF =
  /\b(?:what|which)(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(speed|velocity|height|distance|depth|width|weight|mass|area)\s+of\b/i;
const MEASURE_NOUNS: Record<string, Measure> = {
  speed: 'speed',
  velocity: 'speed',
  height: 'length',
  distance: 'length',
  depth: 'length',
  width: 'length',
  weight: 'weight',
  mass: 'weight',
  area: 'size',
};

/** "Where is the club in the league / table / standings?" */
const STANDING =
  /^\s*where\s+(?:is|are|was|were|do|does|did)\b.*\b(?:in|on|at)\s+the\s+(?:league|table|standings|rankings?|charts?|polls?)\b/i;

const MEASURES: readonly [RegExp, Measure | 'measure'][] = [
  [/\bhow\s+(?:big|large|small)\b/i, 'size'],
  [/\bhow\s+(?:far|tall|high|deep|wide|thick|thin|long\s+is\s+the\s+(?:distance|track|course|route))\b/i, 'length'],
  [/\bhow\s+(?:heavy|much\s+(?:did|does|do)\s+\w+\s+weigh)\b/i, 'weight'],
  [/\bhow\s+fast\b/i, 'speed'],
  [/\bhow\s+old\b|\b(?:what|which)\s+age\b/i, 'age'],
  [MEASURE_OF, 'measure'],
  [/\bwhere\b.*\b(?:rank|ranked|ranks|place|placed|finish|finished)\b/i, 'rank'],
  [STANDING, 'rank'],
  [GAME_SCORE, 'score'],
];

/** The span kinds that say by how much something changed ("38 per cent", "more than doubled", "$51 million"), best first. */
export const CHANGE_KINDS: readonly SpanKind[] = ['percent', 'fraction', 'money'];

/** The span kinds that can answer each type, best first. */
export const SPAN_KINDS_FOR: Record<AnswerType, readonly SpanKind[]> = {
  person: ['name'],
  organization: ['name'],
  place: ['name'],
  date: ['date', 'time', 'duration'],
  duration: ['duration', 'time', 'number'],
  number: ['number', 'money', 'percent', 'duration', 'ordinal'],
  money: ['money'],
  percent: ['percent', 'fraction'],
  reason: ['reason'],
  quote: ['quotation', 'reported'],
  other: [],
};

// The question's wh-phrase decides, as in classic question classification (Li & Roth's coarse
// classes). Each rule is about how questions are asked, never about a topic.
const SPEECH_VERBS =
  'say|said|tell|told|warn|warned|write|wrote|tweet|tweeted|post|posted|add|added|claim|claimed|argue|argued|describe|described|call|called|think|mean|admit|admitted|reveal|revealed|testify|testified|announce';
/** "What did / does / has …": how a question of someone's words opens. */
const WHAT_DID = String.raw`\b[Ww]hat\s+(?:did|does|do|has|had|have|would|will)`;
/**
 * "What did the mayor say?", "What did Pryce's lawyer say?": the speaker a question of someone's
 * words names by role, not by name (the lower-case words before the verb of speech, after an
 * article or a possessive, past capitalised modifiers: "the City manager", "the mayor of Bath");
 * none for a name or a pronoun ("what did he say").
 */
const ROLE_SPEAKER = new RegExp(
  String.raw`${WHAT_DID}\s+(the|a|an|its|his|her|their|\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2}['’]s)\s+(\p{Lu}[\p{L}.-]*\s+){0,2}((?:[a-z][a-z'’-]*\s+){0,2}[a-z][a-z'’-]*)(\s+of\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})?\s+(?:${SPEECH_VERBS})\b`,
  'u',
);

/** "say" and "tell" only frame a question; "warn", "admit" or "reveal" also say what kind of words. */
const QUOTE_FRAME = new RegExp(String.raw`${WHAT_DID}\b.*\b(say|said|tell|told)\b`);

const MEASURE_WORD = /\bhow\s+(high|tall|far|deep|wide|big|large|heavy|fast|long|thick|thin|often)\b/i;

/**
 * The word after "how" that says what dimension is asked ("high" in "How high did the river
 * rise?"): like a verb of speech, it tells the kind of answer, not what it is about. Not "old":
 * an age is written with it ("two years old").
 */
export function measureWordOf(question: string): string | undefined {
  return MEASURE_WORD.exec(question)?.[1]?.toLowerCase();
}

/** The question without the word that says what dimension is asked ("How did the river rise?"). */
export function withoutMeasureWord(question: string): string {
  return question.replace(MEASURE_WORD, 'how');
}

/** The plain verb of speech of a question of someone's words ("say" in "What did X say about Y?"). */
export function speechVerbOf(question: string): string | undefined {
  return QUOTE_FRAME.exec(question)?.[1]?.toLowerCase();
}

/** The speaker a question of someone's words names by role: the role's words, and the phrase as written ("Pryce's lawyer"). */
export function speakerRole(question: string): { words: string[]; phrase: string } | undefined {
  const match = ROLE_SPEAKER.exec(question);
  const [, owner, modifier = '', role, of = ''] = match ?? [];
  if (!owner || !role) return undefined;
  const words = role.split(/\s+/).map((word) => word.replace(/['’]s$/, ''));
  const article = /^(?:a|an|the)$/i.test(owner);
  // "the City manager", "the mayor of Bath": named as asked, though only the role is looked for.
  const named = `${modifier}${role}${of}`;
  return { words, phrase: article ? `the ${named}` : `${owner} ${named}` };
}
// The nouns that name the kind of thing a "which ..." question asks for.
const PLACE_KINDS = 'city|country|town|state|venue|stadium|arena|place|region|county|island|continent';
const ORGANIZATION_KINDS =
  'company|companies|firm|bank|team|club|university|college|school|organi[sz]ation|agency|outlet|network|brand|group|party|league|studio|publisher|label|fund|exchange|platform|service|app|startup|court|department|ministry|government';
/** Family roles: a relative's name often repeats the person's surname ("Eileen and Jeff Shiffrin"). */
export const FAMILY_KINDS =
  'wife|husband|spouse|son|daughter|brother|sister|mother|father|widow|parent|child|children|kid|sibling|mom|dad|grandmother|grandfather|grandson|granddaughter|uncle|aunt|cousin|niece|nephew';
const PERSON_KINDS = `person|people|leader|ceo|executive|player|coach|manager|director|actor|actress|singer|artist|author|writer|politician|senator|lawmaker|official|minister|president|chairman|chair|founder|judge|lawyer|spokesperson|spokesman|analyst|star|athlete|pitcher|catcher|batter|striker|winger|defender|midfielder|forward|receiver|linebacker|boxer|jockey|driver|rider|swimmer|runner|referee|umpire|captain|partner|agent|adviser|advisor|attorney|doctor|mentor|rival|successor|predecessor|replacement|owner|boss|host|presenter|producer|editor|trainer|teammate|opponent|candidate|nominee|deputy|secretary|governor|mayor|chancellor|commissioner|ambassador|economist|investor|quarterback|goalkeeper|girlfriend|boyfriend|fiancée|fiancee|fiancé|fiance|${FAMILY_KINDS}`;
const AUXILIARY_WORDS = 'is|are|was|were|did|does|do|has|have|had|will|would|can|could|should|may|might';
/** "Which" or "what" and up to three words before the kind noun ("which NBA team", "what law firm"). */
const WHICH_PHRASE = String.raw`\b(?:which|what)\s+(?:(?!(?:${AUXILIARY_WORDS})\s)[\w'-]+\s+){0,3}?`;
const KIND_NOUN = new RegExp(
  String.raw`${WHICH_PHRASE}(${PLACE_KINDS}|${ORGANIZATION_KINDS}|${PERSON_KINDS})s?\b`,
  'i',
);
/** "Who is the Raiders' interim coach": the role asked about, named after "who is the". */
const WHO_ROLE = new RegExp(
  String.raw`\bwho(?:'s|\s+is|\s+was|\s+are|\s+were|\s+will\s+be)\s+(?:(?:the|their|its|his|her)\s+)?(?:[\w'-]+\s+){0,3}?(${PERSON_KINDS})s?\b`,
  'i',
);

/**
 * The noun that names the kind asked for ("which crypto exchange" -> "exchange", "which NBA team"
 * -> "team"), or undefined when the question names none ("who did the board approach").
 */
export function kindNoun(question: string): string | undefined {
  const text = question.replace(/[’‘]/g, "'");
  return (KIND_NOUN.exec(text) ?? WHO_ROLE.exec(text))?.[1]?.toLowerCase();
}

/**
 * "How much did profit fall?": by how much something changed, as a share, a multiple or a sum. The
 * verb's helper ("did", "has") comes right after "how much"; "How much rain fell?" asks how much rain.
 */
const CHANGE =
  /\bhow\s+much\s+(?:did|has|have|had|will|would|do|does|could|might|may|is|are|was|were|must|should)\b.*\b(?:rise|risen|rose|fall|fallen|fell|grow|grown|grew|increase|increased|drop|dropped|gain|gained|jump|jumped|climb|climbed|going\s+up|go\s+up|going\s+down|cut|cuts|reduce|reduces|reduced|lower|lowers|lowered|boost|boosts|boosted)\b/i;

/** "How much could the fee rise to?": the level it reaches, not by how much. */
const LEVEL_AFTER_CHANGE = /\b(?:rise|risen|fall|fallen|grow|grown|increase|drop|climb|go\s+up|jump)\s+to\s*\??\s*$/i;

/** "How much did Brightwater's profit fall": the noun right before the verb of change is what changed. */
const CHANGED =
  /\b[Hh]ow\s+much\s+(?:did|has|have|had|will|would|do|does|could|might)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:\p{Lu}[\p{L}'’]*\s+)*(?:[\p{Ll}-]+\s+)?([\p{Ll}-]+)\s+(?:rise|risen|fall|fallen|grow|grown|increased?|drop|dropped|gain|gained|jump|jumped|climb|climbed|go\s+up|go\s+down|gone\s+up|gone\s+down)\b/u;

const RULES: readonly [RegExp, AnswerType][] = [
  // "Who is Aileen Doyle?": of someone named, "who" asks what they are (a role, a description), not a name.
  // ("Who is OpenAI's CEO?" asks a name: a possessive is not part of the name asked about.)
  [/^\s*[Ww]ho(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:\p{Lu}(?:[\p{L}.-]|'(?!s\b))*\s*){1,4}\?*\s*$/u, 'other'],
  // "What was his alter ego called?": what a thing is called is its name, not anyone's words.
  [/\bwhat(?:'s|\s+(?:is|was|are|were))\s[^?]*\b(?:called|named|known\s+as)\s*\?*\s*$/i, 'other'],
  [new RegExp(`\\bwhat\\s+(?:did|does|do|has|had|have|would|will|was|is)\\b.*\\b(?:${SPEECH_VERBS})\\b`, 'i'), 'quote'],
  [/\bwhat\s+(?:did|does|do)\b.*\bmake\s+of\b/i, 'quote'],
  [/\bhow\s+(?:did|does|do|has|have)\b.*\b(?:react|respond|reply|replied|answer|describe|described)\b/i, 'quote'],
  [/\bwhat\s+(?:word|words|phrase|term)\b.*\b(?:use|used)\b/i, 'quote'],
  [/^\s*(?:why|how\s+come)\b|^[^,]{0,40},\s*why\b/i, 'reason'],
  [
    /\bwhat\s+(?:caused|causes|led\s+to|leads\s+to|prompted|drove|is\s+behind|was\s+behind)\b|\bthe\s+reason\b/i,
    'reason',
  ],
  // "Who did the study finding 97% …": a question opened by "who" asks for someone, whatever figure it quotes.
  [/^\s*(?:who|whom)\b/i, 'person'],
  [
    /\bwhere\s+(?:does|did|do)\b.*\b(?:work|works|worked|study|studied)\b|\bwhere\b.*\b(?:begin|began|start|started)\b.*\bcareer\b/i,
    'organization',
  ],
  [/\bwhere\b.*\b(?:rank|ranked|ranks|place|placed|finish|finished)\b.*\b(?:in|among|for)\b/i, 'number'],
  // "Where are Castleford in the league?": a place in a table is a rank.
  [STANDING, 'number'],
  [/^\s*(?:where|in\s+what\s+(?:city|country|town|state))\b/i, 'place'],
  [/\bwhat\s+sentence\b.*\b(?:receive|received|get|got|given|face|serve|served)\b/i, 'duration'],
  [
    /\bhow\s+long\b|\bhow\s+often\b|\bhow\s+much\s+(?:[\w-]+\s+)?time\b|\bfor\s+how\s+long\b|\bhow\s+many\s+(?:more\s+)?(?:years|months|weeks|days|hours|minutes|seconds)\b/i,
    'duration',
  ],
  [
    /^\s*when\b|\b(?:what|which|in\s+what)\s+(?:year|date|day|month)\b|\bsince\s+when\b|\bwhen\s+(?:did|was|is|will|does|do|had|has|were)\b/i,
    'date',
  ],
  [/\b(?:percent|per\s+cent|percentage|proportion)\b|%|\bwhat\s+share\b|\bhow\s+much\s+of\b/i, 'percent'],
  [
    /\bhow\s+much\b.*\b(?:cost|costs|pay|paid|paying|worth|earn|earned|charge|charged|spend|spent|raise|raised|sell|sold|fine|fined|value|valued|make|made|start|starts|owe|owed|lose|lost|gold|money|award|awarded|invest|invested|borrow|borrowed|offer|offered|bid)\b|\bhow\s+much\s+(?:money|cash)\b|\b(?:salary|fee|fine|valuation|bail|revenue|worth|income|profit|commission|penalty|penalties|damages|compensation|settlement|budget|funding|bonus|ransom|per\s+share)\b|\bhow\s+(?:high|much)\b.*\bvalue|\bvalued?\b.*\bat\s+how\s+much\b|\bassess\w*\b.*\bat\b/i,
    'money',
  ],
  // "How much is the K.O. II?": how much a thing is, asked of nothing else, is its price.
  [/^\s*how\s+much\s+(?:is|are|was|were)\s+(?:the|a|an|this|that|these|those|\p{Lu})[^?]*\?*\s*$/iu, 'money'],
  // "How much does the winner get": how much someone gets, asked with no noun, is a sum.
  [
    /\bhow\s+much\s+(?:does|did|do|will|would|can|could)\b.*\b(?:get|gets|got|win|wins|won|receive|receives|received|collect|collected|pocket|pocketed|take\s+home|bring\s+in|want|wants|wanted|ask|asked|need|needs|needed)\b/i,
    'money',
  ],
  [CHANGE, 'percent'],
  [
    /\b(?:price|cost)\b|\bwhat\s+(?:will|does|did|do|would|is|was|has)\b.*\b(?:earn|earns|paid|pay|charge|charges)\b/i,
    'money',
  ],
  [/\b(?:stake|margin)\b/i, 'percent'],
  [/\bwhat\s+(?:[\w-]+\s+)?number\b/i, 'number'],
  [MEASURE_OF, 'number'],
  [GAME_SCORE, 'number'],
  [
    /\bhow\s+(?:many|much|big|large|far|tall|high|old|fast|heavy|deep|wide|thick|thin)\b|\b(?:capacity|population)\b|\b(?:what|which)\s+age\b/i,
    'number',
  ],
  [new RegExp(String.raw`\bwhere\b|\b(?:which|what)\s+(?:${PLACE_KINDS})\b`, 'i'), 'place'],
  [new RegExp(String.raw`${WHICH_PHRASE}(?:${ORGANIZATION_KINDS})\b|^\s*whose\b`, 'i'), 'organization'],
  [
    new RegExp(String.raw`^\s*(?:who|whom)\b|\bwho(?:'s| is| was| else)\b|${WHICH_PHRASE}(?:${PERSON_KINDS})s?\b`, 'i'),
    'person',
  ],
];

const YES_NO =
  /^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must)\b(?!\s+(?:you|anyone)\s+(?:know|tell)\b)/i;
// "how many additional troops", "how much rain": the unit is the noun after the adjectives of quantity.
const HOW_MANY = /\bhow\s+(?:many|much)\s+(?:(?:more|additional|extra|new|other|total|different|separate)\s+)*/iu;
const HOW_MUCH = /\bhow\s+much\b/i;
const AUXILIARIES = /^(?:has|have|had|did|do|does|is|are|was|were|will|would|can|could|should|may|might)$/i;

/**
 * What "how many" counts: the first lower-case word after it, past the names that qualify it
 * ("how many U.S. troops" counts troops), else the last of those names ("how many Steam Decks
 * has Valve sold" counts decks).
 */
function countedUnit(question: string): string | undefined {
  const match = HOW_MANY.exec(question);
  if (!match) return undefined;
  let name: string | undefined;
  for (const word of question.slice(match.index + match[0].length).match(/[\p{L}][\p{L}.'-]*/gu) ?? []) {
    if (AUXILIARIES.test(word)) break;
    // "how many under-13s": a word written with a figure names who is counted, not a unit to look for.
    if (word.endsWith('-')) return undefined;
    // "how much rain", but not "how much lower", "how much more likely".
    if (/^\p{Ll}/u.test(word))
      return HOW_MUCH.test(match[0]) && !namesThing(word) ? undefined : headOfCompound(question, word);
    name = word.replace(/['.]+$/, '').replace(/['’]s$/, '');
  }
  return name;
}
/** Whether a word names a thing, not a degree ("rain", not "lower" or "likely"). */
function namesThing(word: string): boolean {
  const term = nlp(word);
  return !term.has('#Adjective') && !term.has('#Adverb');
}

/**
 * "how many consumer groups joined": the counted noun is the last of a compound ("groups"), the
 * plural noun that follows the first lower-case word.
 */
function headOfCompound(question: string, first: string): string {
  const terms = nlp(question).terms().json() as { text: string; terms: { tags: string[] }[] }[];
  const at = terms.findIndex((term) => term.text === first);
  const next = terms[at + 1];
  if (at < 0 || !next || !/^\p{Ll}/u.test(next.text)) return first;
  const tags = next.terms[0]?.tags ?? [];
  return tags.includes('Plural') && !tags.includes('Verb') && !AUXILIARIES.test(next.text) ? next.text : first;
}
// "what jersey number": the thing the number is of.
const NUMBER_OF = /\bwhat\s+([\p{L}-]+)\s+number\b/iu;
// "how many years in prison": the unit of time asked for.
const DURATION_UNIT = /\bhow\s+many\s+(?:more\s+)?(years|months|weeks|days|hours|minutes|seconds)\b/i;
// "what percentage of adults": who the share is of ("14% of adults", not "12% of children").
const PERCENT_OF =
  /\b(?:percent(?:age)?|per\s+cent|proportion|share)\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?([\p{L}][\p{L}-]*)/iu;
const ASKS_YEAR = /\b(?:what|which|in\s+what)\s+year\b|\byear\s+(?:did|was|does)\b/i;
const ASKS_DAY = /\b(?:what|which)\s+date\b/i;

const FOCUS =
  /^\s*(?:who|whom|what|which|whose)\s+(?:is\s+|was\s+|were\s+|are\s+|did\s+|does\s+|has\s+|had\s+|will\s+|would\s+|could\s+|can\s+|should\s+|might\s+)?(?:the\s+|a\s+|an\s+)?([\p{L}-]+)/iu;

// "Who died", "who will approve the deal": "who" and a verb other than "be" or one of speech.
const DOER = new RegExp(
  String.raw`^\s*[Ww]ho\s+(?:will\s+|would\s+|could\s+|can\s+|has\s+|had\s+|have\s+)?(?!(?:is|was|were|are|be|been|being|did|does|do|${SPEECH_VERBS}|says|tells|warns|tweets|posts|adds|claims|argues|calls|announced|thinks|thought|means|meant)\b)(\p{Ll}+)`,
  'u',
);

// "Who was arrested?", "who has been charged": to whom it was done, told the same way.
const UNDERGOER =
  /^\s*[Ww]ho\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+\p{Ll}+(?:ed|en|wn|rn|ght|lt|pt|ot|ung)\b/u;

/**
 * Whether a question asks who did something other than speak, or had it done to them ("Who died?",
 * "Who will approve the deal?", "Who was arrested?"): the one quoted about it in a sentence ("…,
 * police said") is its source, not its doer.
 */
export function asksDoer(question: string): boolean {
  const text = question.replace(/[’‘]/g, "'");
  if (UNDERGOER.test(text)) return true;
  const verb = DOER.exec(text)?.[1];
  return verb !== undefined && nlp(verb).has('#Verb');
}

/**
 * The question's focus: the word after its wh-word that the answer should stand beside ("who
 * directed", "which bank", "how many fans"); undefined when it names none.
 */
export function questionFocus(question: string, type: QuestionType): string | undefined {
  if (type.type === 'number' && type.unit && type.unit !== 'year') return type.unit;
  const text = question.replace(/[’‘]/g, "'");
  // "How much did Brightwater's profit fall?": what changed is the word before the verb of change.
  if (type.measure === 'change') return CHANGED.exec(text)?.[1]?.toLowerCase();
  const closing =
    type.type === 'place' || type.type === 'date' ? (VERB_AFTER_NAME.exec(text) ?? CLOSING_VERB.exec(text)) : null;
  return (FOCUS.exec(text) ?? closing)?.[1]?.toLowerCase();
}

/** "Where did Fr. Dan Reehil train as an exorcist?": the verb after a named subject is what the place or date is of. */
const VERB_AFTER_NAME =
  /^\s*(?:[Ww]here|[Ww]hen)\s+(?:did|does|do|will|would|can|could)\s+(?:\p{Lu}[\p{L}.'’-]*\s+)+(\p{Ll}[\p{L}-]*)/u;
/** "Where was she born?", "when was it announced?": the verb that closes a where / when question. */
const CLOSING_VERB =
  /^\s*(?:[Ww]here|[Ww]hen)\s+(?:is|was|were|are|did|does|do|will|has|had|have)\b.*\s(\p{Ll}[\p{L}-]*)\s*\?*\s*$/u;

function measureOf(question: string): Measure | undefined {
  const found = MEASURES.find(([pattern]) => pattern.test(question))?.[1];
  if (found !== 'measure') return found;
  return MEASURE_NOUNS[MEASURE_OF.exec(question)?.[1]?.toLowerCase() ?? ''];
}

const INSTRUCTION =
  /\bhow\s+(?:do|can|could|should|would|might)\s+(?:i|you|we|one|people|someone|users?)\s+(?:(?:best|actually|still)\s+)?([\p{L}-]+)|\bhow\s+to\s+([\p{L}-]+)/iu;

/**
 * The action a request for instructions asks how to do ("how do I reset my router" -> "reset"), or
 * undefined when the question asks for none. News answers such a question only by naming that action.
 */
export function instructionVerb(question: string): string | undefined {
  const match = INSTRUCTION.exec(question);
  const verb = (match?.[1] ?? match?.[2])?.toLowerCase();
  return verb && !/^(?:be|get|go|make|do|have|know|tell|find)$/.test(verb) ? verb : undefined;
}

// The words between "which / what" and the verb: "what is the latest" names no kind, and needs no lexicon.
const WHICH_WORDS = new RegExp(
  String.raw`\b(?:which|what)\s+((?:(?!(?:${AUXILIARY_WORDS})\b)[\w'-]+\s+){0,3}(?!(?:${AUXILIARY_WORDS})\b)[\w'-]+)`,
  'i',
);

/** What a question asks for: a person, a number of something, a reason, someone's words, ... or "other". */
export function questionType(question: string): QuestionType {
  const text = question.replace(/[’‘]/g, "'");
  // "Does the article say when ...?", "Was X reported before Y?": yes or no, whatever wh-word follows.
  if (YES_NO.test(text)) return { type: 'other' };
  for (const [pattern, type] of RULES) {
    if (!pattern.test(text)) continue;
    const unit =
      type === 'number'
        ? (countedUnit(text) ?? NUMBER_OF.exec(text)?.[1])?.toLowerCase()
        : type === 'duration'
          ? DURATION_UNIT.exec(text)?.[1]?.toLowerCase()
          : type === 'percent'
            ? PERCENT_OF.exec(text)?.[1]?.toLowerCase()
            : type === 'date' && ASKS_YEAR.test(text)
              ? 'year'
              : type === 'date' && ASKS_DAY.test(text)
                ? 'day'
                : undefined;
    // "How much did Brightwater's profit fall?" asks the change, not the profit.
    if ((type === 'money' || type === 'percent') && CHANGE.test(text) && !LEVEL_AFTER_CHANGE.test(text))
      return { type: 'percent', ...(type === 'percent' && unit ? { unit } : {}), measure: 'change' };
    const measure = type === 'number' ? measureOf(text) : undefined;
    const amount = unit !== undefined && type === 'number' && HOW_MUCH.test(text);
    return { type, ...(unit ? { unit } : {}), ...(measure ? { measure } : {}), ...(amount ? { amount: true } : {}) };
  }
  // "Which golfer …", "what quarterback …": a noun of a person the lexicon knows, beyond the list above.
  const which = WHICH_WORDS.exec(text);
  if (which?.[1]?.split(/\s+/).some((word) => /^\p{Ll}/u.test(word) && isPersonNoun(word))) return { type: 'person' };
  return { type: 'other' };
}
