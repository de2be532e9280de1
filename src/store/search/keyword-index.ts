import { eachIndexTerm, indexTerms } from '../../text/terms.js';
import { bestSlots } from './best-slots.js';
import { idSignature } from './catch-up.js';
import type { KeywordWeights, PassageScope, SearchableText } from './search-types.js';

/** BM25's constants, the ones SQLite's bm25() uses, so rankings keep their measured behaviour. */
const K1 = 1.2;
const B = 0.75;
/** How many counts one posting packs: text in the low 16 bits, title in the next 8, source in the top 8. */
const TEXT_MAX = 0xffff;
const FIELD_MAX = 0xff;

/** One passage's packed counts per term, reused from passage to passage (indexing allocates less). */
const passageCounts = new Map<string, number>();

/** A passage's distinct index terms, each with its packed field counts, and its length as BM25 counts it. */
export interface CountedPassage {
  terms: string[];
  packed: Uint32Array;
  length: number;
}

/** Where a passage belongs for the index's scopes: its outlet and its day. */
export type PassagePlace = Pick<SearchableText, 'source' | 'publishedAt'>;

/**
 * Count a passage's index terms in its text, title and outlet, packed per term (text in the low 16
 * bits, title in the next 8, outlet in the top 8); the length also counts the outlet and the day
 * as one token each, as SQLite's full-text table did, so rankings keep their measured behaviour.
 */
export function countPassageTerms(searchable: SearchableText): CountedPassage {
  const counts = passageCounts;
  counts.clear();
  let length = 0;
  const count = (text: string, shift: number, max: number) => {
    const unit = 2 ** shift;
    eachIndexTerm(text, (term) => {
      length += 1;
      const packed = counts.get(term) ?? 0;
      if (((packed >>> shift) & max) < max) counts.set(term, packed + unit);
    });
  };
  count(searchable.text, 0, TEXT_MAX);
  count(searchable.title, 16, FIELD_MAX);
  count(searchable.source ?? '', 24, FIELD_MAX);
  if (searchable.source !== null) length += 1;
  if (searchable.publishedAt !== null) length += 1;
  const terms = [...counts.keys()];
  return { terms, packed: Uint32Array.from(counts.values()), length };
}

/** One term's passages: slots and packed field counts, in slot order. */
interface Postings {
  slots: Int32Array;
  counts: Uint32Array;
  length: number;
}

/** The arrays a saved index is made of, in the order they are written. */
export interface KeywordIndexParts {
  terms: string[];
  outlets: string[];
  days: string[];
  /** Per term, where its postings end in `slots` and `counts` (cumulative). */
  termEnds: Uint32Array;
  slots: Int32Array;
  counts: Uint32Array;
  passageIds: Int32Array;
  lengths: Uint32Array;
  outletOf: Int32Array;
  dayOf: Int32Array;
}

/**
 * One guild's passages as an in-memory inverted index scored with BM25, the way SQLite's bm25()
 * scores its full-text table. FTS5 computes bm25() for every passage that holds any question word
 * (half of a 100k library for a 20-word question: 70-80 ms); summing BM25 over compact postings
 * in typed arrays does the same work in a few milliseconds.
 */
export class KeywordIndex {
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  private readonly slotOf = new Map<number, number>();
  private readonly outletIds = new Map<string, number>();
  private readonly dayIds = new Map<string, number>();
  private passageIds: Int32Array = new Int32Array(1024);
  private lengths: Uint32Array = new Uint32Array(1024);
  private outletOf: Int32Array = new Int32Array(1024);
  private dayOf: Int32Array = new Int32Array(1024);
  private slotCount = 0;
  private deadSlots = 0;
  private totalLength = 0;
  private scores = new Float64Array(0);

  /** How many passages the index holds. */
  get size(): number {
    return this.slotOf.size;
  }

  /** The `idSignature` of the passages it holds. */
  signature(): string {
    return idSignature(this.slotOf.keys());
  }

  /** The ids of the passages it holds. */
  heldIds(): Iterable<number> {
    return this.slotOf.keys();
  }

  /** Index one passage (replacing it if the id is already there). */
  add(passageId: number, searchable: SearchableText): void {
    this.addCounted(passageId, countPassageTerms(searchable), searchable);
  }

  /** Index one passage by its counted terms (`countPassageTerms`), as they were counted at ingest. */
  addCounted(passageId: number, counted: CountedPassage, place: PassagePlace): void {
    const ids = new Uint32Array(counted.terms.length);
    counted.terms.forEach((term, index) => {
      ids[index] = this.termIdOf(term);
    });
    this.addTermIds(passageId, ids, counted.packed, counted.length, place);
  }

  /**
   * Index one passage by this index's term ids (`termIdOf`) and their packed counts, with its
   * length as BM25 counts it (replacing it if the id is already there).
   */
  addTermIds(
    passageId: number,
    termIds: ArrayLike<number>,
    packed: ArrayLike<number>,
    length: number,
    place: PassagePlace,
  ): void {
    if (this.slotOf.has(passageId)) this.remove([passageId]);
    const slot = this.slotCount;
    this.ensureSlots(slot + 1);
    for (let index = 0; index < termIds.length; index += 1) {
      this.append(termIds[index] as number, slot, packed[index] as number);
    }
    this.passageIds[slot] = passageId;
    this.lengths[slot] = length;
    this.outletOf[slot] = place.source === null ? -1 : idOf(this.outletIds, place.source);
    this.dayOf[slot] = place.publishedAt === null ? -1 : idOf(this.dayIds, place.publishedAt.slice(0, 10));
    this.slotOf.set(passageId, slot);
    this.slotCount += 1;
    this.totalLength += length;
  }

  /** Remove passages; their postings are dropped when a quarter of the slots are dead. */
  remove(passageIds: readonly number[]): void {
    for (const id of passageIds) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.slotOf.delete(id);
      this.totalLength -= this.lengths[slot] ?? 0;
      this.passageIds[slot] = -1;
      this.deadSlots += 1;
    }
    if (this.deadSlots > 64 && this.deadSlots * 4 > this.slotCount) this.compact();
  }

  /** How many passages contain each term (index terms, as `indexTerms` makes them). */
  documentFrequencies(terms: readonly string[]): Map<string, number> {
    const frequencies = new Map<string, number>();
    for (const term of terms) {
      const postings = this.postingsOf(term);
      if (postings) frequencies.set(term, this.liveCount(postings));
    }
    return frequencies;
  }

  /** Up to `limit` passages whose headline holds every one of these index terms (in any order). */
  passagesWithTitleTerms(terms: readonly string[], limit: number): number[] {
    const lists = terms.map((term) => this.postingsOf(term));
    if (lists.length === 0 || lists.some((postings) => postings === undefined)) return [];
    const withTitle = (postings: Postings) => {
      const slots = new Set<number>();
      for (let i = 0; i < postings.length; i += 1) {
        if (((postings.counts[i] as number) >>> 16) & FIELD_MAX) slots.add(postings.slots[i] as number);
      }
      return slots;
    };
    const [first, ...rest] = (lists as Postings[]).sort((a, b) => a.length - b.length).map(withTitle);
    const found: number[] = [];
    for (const slot of first ?? []) {
      if (found.length >= limit) break;
      const id = this.passageIds[slot] as number;
      if (id >= 0 && rest.every((slots) => slots.has(slot))) found.push(id);
    }
    return found;
  }

  /** The passages holding any of the words, with BM25 scores (higher is better), best first; ties by id. */
  search(
    words: readonly string[],
    limit: number,
    weights: KeywordWeights,
    scope: PassageScope = {},
  ): { id: number; score: number }[] {
    const live = this.size;
    if (live === 0 || limit <= 0) return [];
    const outlet = scope.source === undefined ? undefined : (this.outletIds.get(scope.source) ?? -2);
    const day = scope.day === undefined ? undefined : (this.dayIds.get(scope.day) ?? -2);
    if (outlet === -2 || day === -2) return [];
    const inDays = scope.days ? this.dayMask(scope.days) : undefined;
    if (this.scores.length < this.slotCount) this.scores = new Float64Array(this.slotCount);
    const { scores, passageIds, lengths, outletOf, dayOf } = this;
    const averageLength = this.totalLength / live;
    const touched: number[] = [];
    // Not deduplicated: two question words with one stem ("company", "companies") weigh it twice,
    // as SQLite's bm25() weighs two phrases of an OR query.
    for (const term of words.flatMap(indexTerms)) {
      const postings = this.postingsOf(term);
      if (!postings) continue;
      const frequency = this.liveCount(postings);
      const rarity = Math.log((live - frequency + 0.5) / (frequency + 0.5));
      const idf = rarity > 0 ? rarity : 1e-6;
      const { slots, counts } = postings;
      for (let i = 0; i < postings.length; i += 1) {
        const slot = slots[i] as number;
        if ((passageIds[slot] as number) < 0) continue;
        if (outlet !== undefined && outletOf[slot] !== outlet) continue;
        if (day !== undefined && dayOf[slot] !== day) continue;
        if (inDays && inDays[dayOf[slot] as number] !== 1) continue;
        const packed = counts[i] as number;
        const f =
          weights.text * (packed & TEXT_MAX) +
          weights.title * ((packed >>> 16) & FIELD_MAX) +
          weights.source * (packed >>> 24);
        if (f <= 0) continue;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] =
          (scores[slot] as number) +
          (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * (lengths[slot] as number)) / averageLength));
      }
    }
    const best = bestSlots(touched, limit, scores, passageIds);
    const found = best.map((slot) => ({ id: passageIds[slot] as number, score: scores[slot] as number }));
    for (const slot of touched) scores[slot] = 0;
    return found;
  }

  /** Per day id, 1 when the day falls from `from` to `to` (inclusive). */
  private dayMask({ from, to }: { from: string; to: string }): Uint8Array {
    const mask = new Uint8Array(this.dayIds.size);
    for (const [day, id] of this.dayIds) if (day >= from && day <= to) mask[id] = 1;
    return mask;
  }

  /** The index as flat arrays, dead passages left out, for writing to disk. */
  toParts(): KeywordIndexParts {
    if (this.deadSlots > 0) this.compact();
    const terms = [...this.termIds.keys()];
    const termEnds = new Uint32Array(terms.length);
    let total = 0;
    this.postings.forEach((postings, term) => {
      total += postings.length;
      termEnds[term] = total;
    });
    const slots = new Int32Array(total);
    const counts = new Uint32Array(total);
    let at = 0;
    for (const postings of this.postings) {
      slots.set(postings.slots.subarray(0, postings.length), at);
      counts.set(postings.counts.subarray(0, postings.length), at);
      at += postings.length;
    }
    const used = this.slotCount;
    return {
      terms,
      outlets: [...this.outletIds.keys()],
      days: [...this.dayIds.keys()],
      termEnds,
      slots,
      counts,
      passageIds: this.passageIds.slice(0, used),
      lengths: this.lengths.slice(0, used),
      outletOf: this.outletOf.slice(0, used),
      dayOf: this.dayOf.slice(0, used),
    };
  }

  /** An index from the arrays `toParts` made (views on them, not copies). */
  static fromParts(parts: KeywordIndexParts): KeywordIndex {
    const index = new KeywordIndex();
    let start = 0;
    parts.terms.forEach((term, id) => {
      const end = parts.termEnds[id] ?? start;
      index.termIds.set(term, id);
      index.postings.push({
        slots: parts.slots.subarray(start, end),
        counts: parts.counts.subarray(start, end),
        length: end - start,
      });
      start = end;
    });
    for (const [id, outlet] of parts.outlets.entries()) index.outletIds.set(outlet, id);
    for (const [id, day] of parts.days.entries()) index.dayIds.set(day, id);
    index.passageIds = parts.passageIds;
    index.lengths = parts.lengths;
    index.outletOf = parts.outletOf;
    index.dayOf = parts.dayOf;
    index.slotCount = parts.passageIds.length;
    parts.passageIds.forEach((id, slot) => {
      index.slotOf.set(id, slot);
      index.totalLength += parts.lengths[slot] ?? 0;
    });
    return index;
  }

  private postingsOf(term: string): Postings | undefined {
    const id = this.termIds.get(term);
    return id === undefined ? undefined : this.postings[id];
  }

  private liveCount(postings: Postings): number {
    if (this.deadSlots === 0) return postings.length;
    let live = 0;
    for (let i = 0; i < postings.length; i += 1)
      if ((this.passageIds[postings.slots[i] as number] as number) >= 0) live += 1;
    return live;
  }

  /** This index's id of a term, added if new: a caller maps stored term ids to these once. */
  termIdOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.length;
      this.termIds.set(term, id);
      this.postings.push({ slots: new Int32Array(2), counts: new Uint32Array(2), length: 0 });
    }
    return id;
  }

  private append(term: number, slot: number, packed: number): void {
    const postings = this.postings[term] as Postings;
    if (postings.length === postings.slots.length) {
      const capacity = Math.max(4, postings.length * 2);
      postings.slots = grown(postings.slots, capacity, Int32Array);
      postings.counts = grown(postings.counts, capacity, Uint32Array);
    }
    postings.slots[postings.length] = slot;
    postings.counts[postings.length] = packed;
    postings.length += 1;
  }

  private ensureSlots(needed: number): void {
    if (needed <= this.passageIds.length) return;
    const capacity = Math.max(needed, this.passageIds.length * 2);
    this.passageIds = grown(this.passageIds, capacity, Int32Array);
    this.lengths = grown(this.lengths, capacity, Uint32Array);
    this.outletOf = grown(this.outletOf, capacity, Int32Array);
    this.dayOf = grown(this.dayOf, capacity, Int32Array);
  }

  /** Renumber the live passages' slots densely and drop the dead ones from every posting list. */
  private compact(): void {
    const renumbered = new Int32Array(this.slotCount).fill(-1);
    let next = 0;
    for (let slot = 0; slot < this.slotCount; slot += 1) {
      if ((this.passageIds[slot] as number) < 0) continue;
      renumbered[slot] = next;
      this.passageIds[next] = this.passageIds[slot] as number;
      this.lengths[next] = this.lengths[slot] as number;
      this.outletOf[next] = this.outletOf[slot] as number;
      this.dayOf[next] = this.dayOf[slot] as number;
      this.slotOf.set(this.passageIds[next] as number, next);
      next += 1;
    }
    for (const postings of this.postings) {
      let kept = 0;
      for (let i = 0; i < postings.length; i += 1) {
        const slot = renumbered[postings.slots[i] as number] as number;
        if (slot < 0) continue;
        postings.slots[kept] = slot;
        postings.counts[kept] = postings.counts[i] as number;
        kept += 1;
      }
      postings.length = kept;
    }
    this.slotCount = next;
    this.deadSlots = 0;
  }
}

function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

function grown<T extends Int32Array | Uint32Array>(array: T, capacity: number, Kind: { new (length: number): T }): T {
  const larger = new Kind(capacity);
  larger.set(array);
  return larger;
}
