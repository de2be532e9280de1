import type { SqliteDatabase } from '../sqlite.js';
import type { CountedPassage } from './keyword-index.js';

/**
 * The database's dictionary of index terms (one id per term, shared by all guilds), through which
 * each passage's counted terms are stored at ingest as a small blob: a keyword index is then
 * rebuilt from integers instead of by tokenising and stemming every passage again.
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private terms: (string | undefined)[] = [];
  private loadedUpTo = 0;
  private readonly insert;
  private readonly lookUp;
  private readonly rowsAfter;

  constructor(db: SqliteDatabase) {
    this.insert = db.prepare('INSERT INTO index_terms (term) VALUES (?) ON CONFLICT (term) DO NOTHING');
    this.lookUp = db.prepare('SELECT id FROM index_terms WHERE term = ?').pluck();
    this.rowsAfter = db.prepare('SELECT id, term FROM index_terms WHERE id > ? ORDER BY id').raw();
  }

  /** The ids of these terms, adding the new ones (run it in the transaction that stores their passage). */
  idsOf(terms: readonly string[]): Uint32Array {
    const ids = new Uint32Array(terms.length);
    terms.forEach((term, index) => {
      let id = this.ids.get(term);
      if (id === undefined) {
        // Another process sharing the database may have added it: the table, not this cache, decides.
        this.insert.run(term);
        id = this.lookUp.get(term) as number;
        this.remember(id, term);
      }
      ids[index] = id;
    });
    return ids;
  }

  /** The term of an id, reading the terms added since the last read when it is not known yet. */
  termOf(id: number): string | undefined {
    if (id > this.loadedUpTo || this.terms[id] === undefined) {
      for (const [rowId, term] of this.rowsAfter.iterate(this.loadedUpTo) as Iterable<[number, string]>) {
        this.remember(rowId, term);
      }
    }
    return this.terms[id];
  }

  private remember(id: number, term: string): void {
    this.ids.set(term, id);
    this.terms[id] = term;
    this.loadedUpTo = Math.max(this.loadedUpTo, id);
  }
}

/** One passage's stored counts, read back: its length, and each term's dictionary id with its packed counts. */
export interface StoredTermCounts {
  length: number;
  termIds: Uint32Array;
  packed: Uint32Array;
}

/** Room for the longest passage's encoding (5 bytes per varint at most). */
let scratch = new Uint8Array(4096);

/**
 * A passage's counted terms as stored: varints of its length, then per term (in dictionary order)
 * the gap from the previous term's id and its packed counts. About 3 bytes a term, against 8 as
 * two 32-bit words: a passage's counts take about a third of its text's size.
 */
export function encodeTermCounts(counted: CountedPassage, termIds: Uint32Array): Buffer {
  const order = Array.from(termIds.keys()).sort((a, b) => (termIds[a] as number) - (termIds[b] as number));
  const needed = 5 * (1 + 2 * termIds.length);
  if (scratch.length < needed) scratch = new Uint8Array(needed * 2);
  let at = writeVarint(scratch, 0, counted.length);
  let previous = 0;
  for (const index of order) {
    const id = termIds[index] as number;
    at = writeVarint(scratch, at, id - previous);
    at = writeVarint(scratch, at, counted.packed[index] as number);
    previous = id;
  }
  return Buffer.from(scratch.subarray(0, at));
}

/** Read back what `encodeTermCounts` stored. */
export function decodeTermCounts(blob: Uint8Array): StoredTermCounts {
  let at = 0;
  const read = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = blob[at] as number;
      at += 1;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  const length = read();
  // Each term takes two bytes at least: size the arrays for the most, and trim.
  const termIds = new Uint32Array(blob.length >> 1);
  const packed = new Uint32Array(blob.length >> 1);
  let terms = 0;
  let id = 0;
  while (at < blob.length) {
    id += read();
    termIds[terms] = id;
    packed[terms] = read();
    terms += 1;
  }
  return { length, termIds: termIds.subarray(0, terms), packed: packed.subarray(0, terms) };
}

function writeVarint(bytes: Uint8Array, start: number, value: number): number {
  let at = start;
  let rest = value;
  while (rest >= 0x80) {
    bytes[at] = (rest & 0x7f) | 0x80;
    at += 1;
    rest = Math.floor(rest / 128);
  }
  bytes[at] = rest;
  return at + 1;
}
