import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

// One reading of English for every part that needs it (spans, lemmas): the model is loaded once.
// Only what those parts need: part-of-speech tags (proper nouns, numbers, lemmas) and the entity recogniser.
export const english = winkNLP(model, ['pos', 'ner']);
export const its = english.its;
