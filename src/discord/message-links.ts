/** Links in a message beyond this many are left out ("Add to newsdesk" of a link dump). */
export const MAX_MESSAGE_LINKS = 10;

/** A web link as members write it: bare, in <…> (no preview) or as a Markdown link's target. */
const LINK = /https?:\/\/[^\s<>()[\]]+/gi;
/** Punctuation that ends the sentence a link stands in, not the link. */
const TRAILING = /[.,;:!?'"’”]+$/;

/** The distinct web links of a message's text, in order, at most MAX_MESSAGE_LINKS. */
export function linksIn(content: string): string[] {
  const links = new Set<string>();
  for (const match of content.matchAll(LINK)) {
    const link = match[0].replace(TRAILING, '');
    if (URL.canParse(link)) links.add(link);
    if (links.size === MAX_MESSAGE_LINKS) break;
  }
  return [...links];
}
