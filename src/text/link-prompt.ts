/**
 * Link prompts scraped before a sentence ("Read more …", "Related …", "Watch this story: …",
 * "MORE THURSDAY NIGHT FOOTBALL: …", "More from the trial: …") and a "More … deals" heading glued to
 * what follows. "More than 110,000 …" and "More importantly, …" are sentences.
 */
const LINK_PROMPT =
  /^(?:read more|also read|see also|related|watch)\b|^more\s+(?:from|on)\b|^more\b[^.!?\n]{0,60}:|^more\b[^.!?\n]*\n/i;

/** Whether a sentence opens with a link prompt: a pointer to another page, neither news nor an answer. */
export function opensWithLinkPrompt(sentence: string): boolean {
  return LINK_PROMPT.test(sentence);
}
