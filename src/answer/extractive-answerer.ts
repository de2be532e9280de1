import type { RankedPassage } from '../retrieve/passage-ranker.js';
import { type TermWeights, weightedCoverage } from '../retrieve/term-weights.js';
import { opensWithLinkPrompt } from '../text/link-prompt.js';
import { namePhrases } from '../text/names.js';
import { spelledOffices } from '../text/offices.js';
import { readsAsProse, splitSentences } from '../text/sentences.js';
import { contentWords, stemOf, wordTokens } from '../text/terms.js';
import { type TypedSentence, typedSpans } from '../text/typed-spans.js';
import { ABSTENTION_TEXT, type Answer, type Citation, citationSource, notStatedText } from './answer.js';
import { asksForName, likelyAnswerName, mentionsName } from './answer-names.js';
import {
  type AnswerSpan,
  answerSpanIn,
  asksFact,
  asksPast,
  CALENDAR_NAME,
  PROXIMITY_WORDS,
  type QuestionReading,
  type QuoteContext,
  TITLES,
} from './answer-spans.js';
import { framingStems } from './question-framing.js';
import {
  type AnswerType,
  asksDoer,
  FAMILY_KINDS,
  instructionVerb,
  kindNoun,
  measureWordOf,
  questionFocus,
  questionType,
  speakerRole,
  speechVerbOf,
} from './question-type.js';

/**
 * The share of the question's (rarity-weighted) content words that the top passage must cover for
 * newsdesk to answer instead of saying it found nothing reliable: half of a short question; for a
 * longer one, the share that three of its words make (a multi-part question is rarely covered by
 * one passage), but never less than LONG_QUESTION_MIN_SUPPORT. Chosen on the MultiHop-RAG dev split
 * (see docs/retrieval.md).
 */
export const ANSWER_MIN_SUPPORT = 0.5;
export const LONG_QUESTION_MIN_SUPPORT = 0.15;
const WORDS_THAT_MUST_MATCH = 3;
/** The quoted sentence itself must cover at least this part of the required share. */
const SENTENCE_SHARE_OF_SUPPORT = 0.6;
/** "She was 88.": a sentence too short to read as prose that still states a figure (an age) of its subject. */
const SHORT_FACT = /^(?:he|she|it|they)\s+(?:was|is|were|are)\s+\d[\d,.]*\.?$/i;
/** A further sentence of another article must cover at least this share of what the lead covers of the question. */
const OTHER_ARTICLE_COVERAGE = 0.5;
/** Further sentences are added only if they score this close to the best one. */
const SECONDARY_RELATIVE_SCORE = 0.8;

/** The support a question of `contentStems` distinct content stems needs to be answered. */
export function requiredSupport(contentStems: number): number {
  return Math.max(
    LONG_QUESTION_MIN_SUPPORT,
    Math.min(ANSWER_MIN_SUPPORT, WORDS_THAT_MUST_MATCH / Math.max(1, contentStems)),
  );
}
const MAX_SENTENCES = 3;
const MAX_ANSWER_CHARS = 900;
/** Passages looked at for sentences. */
const PASSAGES_CONSIDERED = 6;
/** How much of a sentence's score comes from its own words rather than its passage and headline. */
const SENTENCE_SHARE = 0.75;
/**
 * Added to the score of a sentence that mentions the likely answer of a question asking for a name.
 * Chosen on MultiHop-RAG dev (inference questions, whose answers are names): 0.1 / 0.2 / 0.3 / 0.4
 * put the answer's name in 60 / 64 / 65 / 66% of answers, against 54% without.
 */
const NAME_BONUS = 0.3;
/** What a word of the question's framing ("according to Fortune") counts in a sentence, against one of what it asks. */
const FRAMING_WORD_WEIGHT = 0.25;
/** What a word of the question a follow-up continues counts, against one of the follow-up's own. */
const CONTEXT_WORD_WEIGHT = 0.35;

interface Candidate {
  text: string;
  entry: RankedPassage;
  rank: number;
  score: number;
  tokens: Set<string>;
  /** The passage's readable sentences and this one's place among them (for who spoke last, and quotations that run on). */
  sentences: readonly string[];
  index: number;
  /** The answer span this sentence holds, when the question's type was looked for in it. */
  span?: AnswerSpan;
}

/** How much a sentence that holds an answer of the asked type gains, scaled by how near the question's words it stands. */
export const TYPED_SPAN_WEIGHT = 2;
/** What a count of the very unit asked about ("80,065 fans" for "how many fans") adds to the proximity. */
const UNIT_MATCH_GAIN = 1;
/** An answer span with fewer of the question's words around it than this is not taken as stating the answer. */
const MIN_SPAN_PROXIMITY = 0.08;
/**
 * Only a question of at most this many content words is answered "not stated": the words of a
 * longer, many-part question are spread over several sentences, so no one sentence states it all.
 */
const SHORT_QUESTION_STEMS = 9;
/**
 * The types whose answers the tagger finds reliably enough to say "not stated" when no sentence
 * holds one. Someone's words and reasons are often reported without quotation marks or a causal
 * connective ("the report found sea levels will rise"), so for those the typed sentences only go first.
 */
const STATED_OR_NOT: ReadonlySet<AnswerType> = new Set<AnswerType>([
  'person',
  'organization',
  'place',
  'date',
  'duration',
  'number',
  'money',
  'percent',
]);
/** Sentences (best by coverage first) read for typed spans: more costs time and rarely helps. */
const SENTENCES_TYPED = 60;
/** Sentences before a quotation searched for the person a "he said" refers to. */
const SPEAKER_LOOKBACK = 3;

/** The question's names; for someone's words asked by role ("what did the mayor say", "… Pryce's lawyer say"), the role's words. */
function speakerNames(question: string, type: AnswerType): string[][] {
  const role = type === 'quote' ? speakerRole(question) : undefined;
  if (role) return [role.words];
  // "What did the Queen say about Ellery?": the speaker is named before the verb of speech, not after.
  const verb = type === 'quote' ? speechVerbOf(question) : undefined;
  const at = verb ? question.toLowerCase().search(new RegExp(`\\b${verb}\\b`)) : -1;
  const speakerPart = at > 0 ? question.slice(0, at) : question;
  return namePhrases(speakerPart).map((phrase) => wordTokens(phrase));
}

/** The speaker as the question names them ("Germany", "the mayor"), for saying what is not stated. */
function speakerPhrase(question: string): string | undefined {
  const role = speakerRole(question);
  if (role) return role.phrase;
  const name = namePhrases(question)[0];
  // The name as the question writes it ("Germany", "the Queen"), not folded.
  const at = name ? question.toLowerCase().indexOf(name.toLowerCase()) : -1;
  const written = name && at >= 0 ? question.slice(at, at + name.length) : '';
  return written && /\bthe\s+$/i.test(question.slice(0, at)) ? `the ${written}` : written || name;
}

/** Whether some passage read names one of the question's speakers (any word of the name or role). */
function speakerNamed(names: readonly (readonly string[])[], candidates: readonly Candidate[]): boolean {
  if (names.length === 0) return true;
  const passages = new Set(candidates.map((candidate) => candidate.entry.passage.text));
  const words = new Set([...passages].flatMap((text) => wordTokens(text)));
  return names.some((name) => name.some((word) => words.has(word)));
}

function stemsOf(text: string): Set<string> {
  const tokens = wordTokens(text);
  return new Set([...tokens.map(stemOf), ...spelledOffices(tokens).map((office) => office.abbreviation)]);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

function abstain(support: number): Answer {
  return { answer: ABSTENTION_TEXT, abstained: true, citations: [], support };
}

/**
 * Compose an answer from the sentences of the retrieved passages that best cover the question,
 * each followed by the number of its source; abstain when the evidence covers less of the
 * question than requiredSupport asks. `termWeights` rank the sentences; `supportTermWeights` (the
 * same unless given) judge whether the question is covered at all.
 */
export function composeExtractiveAnswer(
  question: string,
  ranked: readonly RankedPassage[],
  termWeights: TermWeights,
  context?: string,
  supportTermWeights: TermWeights = termWeights,
): Answer {
  const own = new Set(contentWords(question).map(stemOf));
  const stems = [...new Set([...own, ...(context ? contentWords(context).map(stemOf) : [])])];
  if (stems.length === 0 || ranked.length === 0) return abstain(0);
  // A follow-up's own words say what it asks; the question it continues only keeps the subject.
  const askedWeights = (rarity: TermWeights) =>
    new Map([...rarity(stems)].map(([stem, weight]) => [stem, own.has(stem) ? weight : weight * CONTEXT_WORD_WEIGHT]));
  const weights = askedWeights(termWeights);
  // Each passage's stems (with its headline's) are read once: for ranking, support and its names.
  const passageStems = new Map<number, Set<string>>();
  const passageStemsOf = (entry: RankedPassage): Set<string> => {
    let stems = passageStems.get(entry.passage.id);
    if (!stems) {
      stems = stemsOf(`${entry.passage.article.title} ${entry.passage.text}`);
      passageStems.set(entry.passage.id, stems);
    }
    return stems;
  };

  // "According to Fortune's story on …": the words that say where it was reported find the article
  // (its passage and headline), but the sentence that states the fact seldom repeats them.
  const framing = framingStems(question);
  // "How high did the river rise?": "high" says what is measured; a sentence saying "high" of something else is no nearer.
  const measureWord = measureWordOf(question);
  const measured = measureWord ? stemOf(measureWord) : undefined;
  // What the question itself asks, read once (a follow-up may take the type of the question it continues).
  const ownType = questionType(question);
  const sentenceWeights = new Map(
    [...weights].map(([stem, weight]) => [
      stem,
      framing.has(stem) || stem === measured ? weight * FRAMING_WORD_WEIGHT : weight,
    ]),
  );
  // "She was 88." is read only for a question that asks a figure: to any other it says nothing.
  const asksFigure = ownType.type === 'number';
  const candidates: Candidate[] = ranked.slice(0, PASSAGES_CONSIDERED).flatMap((entry, rank) => {
    const context = weightedCoverage(passageStemsOf(entry), weights);
    const sentences = splitSentences(entry.passage.text)
      .map((sentence) => sentence.text)
      .filter((text) => (wordTokens(text).length >= 4 || (asksFigure && SHORT_FACT.test(text))) && readsAsProse(text));
    return sentences.map((text, index) => {
      const tokens = stemsOf(text);
      const own = weightedCoverage(tokens, sentenceWeights);
      // A small preference for better-ranked passages breaks ties between equally covering sentences.
      const score = SENTENCE_SHARE * own + (1 - SENTENCE_SHARE) * context - rank * 0.005;
      return { text, entry, rank, score, tokens, sentences, index };
    });
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  // Support: how much of the question the search's best match (its headline and text) covers. Not the
  // passage the window reorder put first: it was chosen for echoing the question's words, which a
  // question about something the library lacks can find too.
  const top = ranked.find((entry) => entry.searchPosition === 0) ?? ranked[0];
  // "What did Aileen Doyle say?": the verb of speech says what kind of answer is asked, not what
  // about, so it does not count for support (it still ranks the sentences that report speech).
  // So does the dimension a "how high" question asks.
  const frame = speechVerbOf(question);
  const framed = [frame ? stemOf(frame) : undefined, measured].filter((stem) => stem !== undefined);
  const asked = askedWeights(supportTermWeights);
  const supportWeights = new Map([...asked].filter(([stem]) => !framed.includes(stem)));
  const support = top ? weightedCoverage(passageStemsOf(top), supportWeights) : 0;
  const required = requiredSupport(supportWeights.size);
  // The best sentence was ranked with the ranking's rarity; whether it covers enough is judged with the support's.
  const bestScore = best
    ? SENTENCE_SHARE * weightedCoverage(best.tokens, supportWeights) +
      (1 - SENTENCE_SHARE) * weightedCoverage(passageStemsOf(best.entry), supportWeights)
    : 0;
  if (!best || support < required || bestScore < SENTENCE_SHARE_OF_SUPPORT * required) {
    // "Who scored the winner for Rovers?" in a library whose one match report never says "scored" or
    // "winner": a passage naming everything the question names is about its subject, so the reply is
    // "not stated" with the closest sentence, not "found nothing".
    const naming = best ? closestNamingAll(question, framing, candidates, passageStemsOf) : undefined;
    if (!naming) return abstain(support);
    return notStated(ownType.type, naming, support, {
      speaker: ownType.type === 'quote' ? speakerPhrase(question) : undefined,
      about: ownType.type === 'quote' ? subjectOf(question) : undefined,
      measure: ownType.measure,
    });
  }
  // "How do I reset my router": sentences that never name the action are not instructions for it.
  const action = instructionVerb(question);
  if (action && !candidates.slice(0, SENTENCES_TYPED).some((candidate) => candidate.tokens.has(stemOf(action)))) {
    return abstain(support);
  }

  // "And Germany?" asks what the question before asked, of something else.
  const type = ownType.type === 'other' && context ? questionType(context) : ownType;
  const questionTokens = wordTokens(question);
  const kind = askedKindStem(ownType.type === 'other' && context ? context : question);
  const reading: QuestionReading = {
    type,
    stems: new Set(stems),
    weights: new Map([...sentenceWeights].sort((a, b) => b[1] - a[1]).slice(0, PROXIMITY_WORDS)),
    names: speakerNames(question, type.type),
    asksFact: asksFact(questionTokens),
    asksPast: asksPast(questionTokens),
    // "Who is Jason Kelce's wife": the kind asked for is what the answer stands beside.
    focus: kind ?? focusStem(question, type),
    kindNoun: kind,
    asksRelative: kind !== undefined && FAMILY_STEMS.has(kind),
    asksDoer: asksDoer(question),
  };
  if (type.type !== 'other') {
    // Each sentence is tagged once: a quote question also reads the sentences before each candidate.
    const tagged = new Map<string, TypedSentence>();
    const headlines = new Map<string, Set<string>>();
    const headlineStemsOf = (title: string): Set<string> => {
      let stems = headlines.get(title);
      if (!stems) {
        stems = stemsOf(title);
        headlines.set(title, stems);
      }
      return stems;
    };
    const read = (text: string): TypedSentence => {
      let typed = tagged.get(text);
      if (!typed) {
        typed = typedSpans(text);
        tagged.set(text, typed);
      }
      return typed;
    };
    const namesQuestion = questionNamer(question, framing, ranked.slice(0, PASSAGES_CONSIDERED), passageStemsOf);
    // The sentences that state what was asked gain by how near the question's words the answer stands.
    for (const candidate of candidates.slice(0, SENTENCES_TYPED)) {
      // "Watch this story: … Intense Workout Routine Challenges Michael B.": a pointer to another page.
      if (opensWithLinkPrompt(candidate.text)) continue;
      // "Who is the CEO of Selene Works?": a passage that never names what the question names does not state it.
      if (stems.length <= SHORT_QUESTION_STEMS && !namesQuestion(candidate.entry)) continue;
      // A passage that holds none of the question's words is not about it, whatever kinds it holds.
      if (weightedCoverage(passageStemsOf(candidate.entry), weights) === 0) continue;
      const span = answerSpanIn(
        read(candidate.text),
        reading,
        type.type === 'quote' ? quoteContext(candidate, read) : undefined,
        headlineStemsOf(candidate.entry.passage.article.title),
      );
      if (!span) continue;
      candidate.span = span;
      candidate.score += TYPED_SPAN_WEIGHT * span.fit * (0.5 + span.proximity + (span.unitMatch ? UNIT_MATCH_GAIN : 0));
    }
    candidates.sort((a, b) => b.score - a.score);
    // Stated when some sentence holds a span of the asked kind among its own words of the question
    // (the headline's subject only ranks: an article about the subject does not state every fact; a span
    // whose kind is in doubt, such as a name that may not be a person's, still counts here: it
    // only ranks lower).
    // A game's score stands apart from the question's words ("…to earn the win, 23-20"): one in
    // the found passages states it.
    // "It has a 6.4-inch screen, weighs 182 grams": a figure with the asked unit, in a sentence of an
    // article whose headline names what is asked about, states it (the sentence says "it").
    const stated = candidates.some(
      (candidate) =>
        candidate.span !== undefined &&
        (candidate.span.ownProximity >= MIN_SPAN_PROXIMITY ||
          type.measure === 'score' ||
          (candidate.span.unitMatch && candidate.span.proximity >= MIN_SPAN_PROXIMITY)),
    );
    if (stems.length <= SHORT_QUESTION_STEMS && !stated && STATED_OR_NOT.has(type.type)) {
      return notStated(type.type, best, support, { measure: type.measure });
    }
    // "What did Germany say about …": no passage read names the speaker, so nothing here is their words.
    if (type.type === 'quote' && !stated && !speakerNamed(reading.names, candidates)) {
      return notStated(type.type, best, support, { speaker: speakerPhrase(question), about: subjectOf(question) });
    }
    // "What did Brightwater say about dividends?": no passage read mentions the subject, so nothing
    // here is what was said about it, whoever is named.
    const subject = type.type === 'quote' ? subjectStems(question) : [];
    if (
      subject.length > 0 &&
      !ranked.slice(0, PASSAGES_CONSIDERED).some((entry) => subject.some((stem) => passageStemsOf(entry).has(stem)))
    ) {
      return notStated(type.type, best, support, { speaker: speakerPhrase(question), about: subjectOf(question) });
    }
  }

  // A question asking for a name is answered by sentences that name it: the name the top passages
  // agree on goes first when its sentence covers the question nearly as well.
  // A short question's own words locate its answer: there the name the passages agree on (whoever
  // they mention most) stands in only when no sentence holds a name of the asked kind. A long one's
  // words spread over several articles, and agreement is what joins them.
  const typedFound = candidates.some((candidate) => candidate.span !== undefined);
  const name =
    asksForName(question) && !(typedFound && stems.length <= SHORT_QUESTION_STEMS)
      ? likelyAnswerName(
          question,
          ranked.slice(0, PASSAGES_CONSIDERED).map((entry) => entry.passage.text),
        )
      : undefined;
  if (name) {
    for (const candidate of candidates) if (mentionsName(candidate.text, name)) candidate.score += NAME_BONUS;
    candidates.sort((a, b) => b.score - a.score);
  }
  const lead = candidates[0] ?? best;
  const chosen: Candidate[] = [lead];
  const leadText = type.type === 'quote' ? withRunOnQuotation(lead) : lead.text;
  let length = leadText.length;
  // After a sentence chosen for stating the asked answer, the one that best covers the question
  // follows: it gives the context (and cites the article the question is most about).
  if (
    lead.span &&
    best !== lead &&
    length + best.text.length <= MAX_ANSWER_CHARS &&
    overlap(lead.tokens, best.tokens) <= 0.6
  ) {
    chosen.push(best);
    length += best.text.length;
  }
  const leadCoverage = weightedCoverage(lead.tokens, supportWeights);
  for (const candidate of candidates.slice(1)) {
    if (chosen.includes(candidate)) continue;
    if (chosen.length >= MAX_SENTENCES || candidate.score < SECONDARY_RELATIVE_SCORE * lead.score) break;
    if (length + candidate.text.length > MAX_ANSWER_CHARS) continue;
    if (chosen.some((other) => overlap(other.tokens, candidate.tokens) > 0.6)) continue;
    // "How many people were evacuated?": another article's "employs 3,100 people" ranks high for its
    // count of people, but says nothing of the evacuation. (A long question's words spread over
    // several articles, each covering a part.)
    if (
      stems.length <= SHORT_QUESTION_STEMS &&
      candidate.entry.passage.articleId !== lead.entry.passage.articleId &&
      weightedCoverage(candidate.tokens, supportWeights) < OTHER_ARTICLE_COVERAGE * leadCoverage
    )
      continue;
    chosen.push(candidate);
    length += candidate.text.length;
  }

  // One number per article: two sentences of the same article cite the same source.
  const numbers = new Map<string, number>();
  const citations: Citation[] = [];
  const parts = chosen.map((candidate) => {
    const { passage } = candidate.entry;
    let n = numbers.get(passage.articleId);
    if (n === undefined) {
      n = citations.length + 1;
      numbers.set(passage.articleId, n);
      citations.push({ n, ...citationSource(passage), passage: passage.text });
    }
    return `${candidate === lead ? leadText : candidate.text} [${n}]`;
  });
  const span = lead.span?.text;
  const text = span ? `**${spanLine(span, lead.span?.kind)}** ${parts.join(' ')}` : parts.join(' ');
  return {
    answer: text,
    abstained: false,
    citations,
    support,
    answerType: type.type,
    ...(span ? { span } : {}),
  };
}

/** What someone's words are asked to be about ("… say about dividends?" -> its stems), or none. */
function subjectStems(question: string): string[] {
  const about = subjectOf(question);
  return about ? contentWords(about).map(stemOf) : [];
}

/** What someone's words are asked to be about, as written ("What did Germany say about Nord Stream 2?" -> "Nord Stream 2"). */
function subjectOf(question: string): string | undefined {
  return /\babout\s+(.+?)\s*\?*\s*$/i.exec(question)?.[1];
}

/**
 * The best-ranked sentence of a passage that holds every name the question has, each whole ("World
 * Cup", not "World" of "World War Two"; days, months and offices aside, and at least one name left),
 * or undefined.
 */
function closestNamingAll(
  question: string,
  framing: ReadonlySet<string>,
  candidates: readonly Candidate[],
  passageStemsOf: (entry: RankedPassage) => ReadonlySet<string>,
): Candidate | undefined {
  const names = questionNameStems(question, framing);
  if (names.length === 0) return undefined;
  const naming = candidates.filter((candidate) => {
    const stems = passageStemsOf(candidate.entry);
    return names.every((name) => name.every((stem) => stems.has(stem)));
  });
  const best = naming[0];
  if (!best) return undefined;
  // Among sentences that cover the question equally, the article's earliest (its lede) says most.
  const tied = naming.filter(
    (candidate) =>
      candidate.entry.passage.articleId === best.entry.passage.articleId && best.score - candidate.score < 0.01,
  );
  return tied.sort((a, b) => a.entry.passage.seq - b.entry.passage.seq || a.index - b.index)[0];
}

/** The stems of each name the question has, days, months, offices and framing words aside. */
function questionNameStems(question: string, framing: ReadonlySet<string>): string[][] {
  return namePhrases(question)
    .map((phrase) =>
      wordTokens(phrase)
        .filter((word) => !CALENDAR_NAME.test(word) && !TITLES.has(word))
        .map(stemOf)
        .filter((stem) => !framing.has(stem)),
    )
    .filter((name) => name.length > 0);
}

/**
 * Whether a passage (with its headline) names something the question names, among the names some
 * of the found passages carry: true for every passage when none does. Days, months and offices do
 * not count, nor outlets the question cites ("according to TechCrunch"), which articles rarely name
 * in their text.
 */
function questionNamer(
  question: string,
  framing: ReadonlySet<string>,
  found: readonly RankedPassage[],
  passageStemsOf: (entry: RankedPassage) => ReadonlySet<string>,
): (entry: RankedPassage) => boolean {
  const holds = (stems: ReadonlySet<string>, name: readonly string[]) => name.some((stem) => stems.has(stem));
  const names = questionNameStems(question, framing).filter((name) =>
    found.some((entry) => holds(passageStemsOf(entry), name)),
  );
  return (entry) => names.length === 0 || names.some((name) => holds(passageStemsOf(entry), name));
}

const FAMILY_STEMS: ReadonlySet<string> = new Set(FAMILY_KINDS.split('|').map((word) => stemOf(word)));

function askedKindStem(question: string): string | undefined {
  const noun = kindNoun(question);
  return noun ? stemOf(noun) : undefined;
}

/** The stem of the question's focus word, unless it is a stop word ("who is the ..."). */
function focusStem(question: string, type: ReturnType<typeof questionType>): string | undefined {
  const focus = questionFocus(question, type);
  if (!focus || !contentWords(focus).length) return undefined;
  return stemOf(focus);
}

/**
 * What comes before a candidate quotation: the names of the nearest sentence that names anyone
 * (whom a "he said" refers to) and the stems of the sentences before it.
 */
function quoteContext(candidate: Candidate, read: (text: string) => TypedSentence): QuoteContext {
  let lastNamed: string[] = [];
  const stemsBefore = new Set<string>();
  for (let index = candidate.index - 1; index >= Math.max(0, candidate.index - SPEAKER_LOOKBACK); index -= 1) {
    const sentence = candidate.sentences[index] ?? '';
    for (const token of wordTokens(sentence)) stemsBefore.add(stemOf(token));
    if (lastNamed.length > 0) continue;
    lastNamed = read(sentence)
      .spans.filter((span) => span.kind === 'name')
      .flatMap((span) => wordTokens(span.text));
  }
  const runOn = withRunOnQuotation(candidate).slice(candidate.text.length);
  return { lastNamed, stemsBefore, stemsRunOn: stemsOf(runOn) };
}

/** A quotation that runs on past its sentence is quoted whole: the following sentences up to its close. */
function withRunOnQuotation(candidate: Candidate): string {
  let text = candidate.text;
  for (let index = candidate.index + 1; index < candidate.sentences.length && opensQuotation(text); index += 1) {
    const next = candidate.sentences[index] ?? '';
    if (text.length + next.length > MAX_ANSWER_CHARS) break;
    text = `${text} ${next}`;
  }
  return text;
}

function opensQuotation(text: string): boolean {
  return (text.match(/“/g)?.length ?? 0) > (text.match(/”/g)?.length ?? 0);
}

/** The answer span as the answer's first line: capitalised, quotations in quotation marks, ending with a stop. */
function spanLine(span: string, kind: AnswerSpan['kind'] | undefined): string {
  const trimmed = span.trim().replace(/[,;:]$/, '');
  const text =
    kind === 'quotation' || kind === 'label' ? `“${trimmed}”` : trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?”]$/.test(text) ? text : `${text}.`;
}

/** The articles cover the subject but no sentence states what was asked: say so, and show the closest one. */
function notStated(
  type: NonNullable<Answer['answerType']>,
  closest: Candidate,
  support: number,
  asking: Parameters<typeof notStatedText>[3] = {},
): Answer {
  const { passage } = closest.entry;
  return {
    answer: notStatedText(type, closest.text, 1, asking),
    abstained: true,
    notStated: true,
    citations: [{ n: 1, ...citationSource(passage), passage: passage.text }],
    support,
    answerType: type,
  };
}
