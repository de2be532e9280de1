/** The kinds of scope held as single tokens in the full-text index: guild id, exact outlet, day of publication. */
export type SearchScopeKind = 'guild' | 'outlet' | 'day';

/**
 * The single full-text token that stands for one guild, outlet or day in its column of the index:
 * the value's UTF-8 bytes as three-digit decimals after a letter, so the tokenizer keeps it whole,
 * the stemmer (which only trims letter suffixes) leaves it alone, and two values never share one.
 */
export function scopeSearchToken(kind: SearchScopeKind, value: string): string {
  return `${kind.charAt(0)}${[...Buffer.from(value, 'utf8')].map((byte) => String(byte).padStart(3, '0')).join('')}`;
}
