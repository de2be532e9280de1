import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { KeywordIndex, type KeywordIndexParts } from './keyword-index.js';

/** Bumped whenever the layout or the tokenisation changes: an index of another format is rebuilt. */
const FORMAT = 'newsdesk-keywords-1';

/** What the header says; the arrays follow it, in this order, each 4-byte aligned. */
interface Header {
  format: string;
  /** The `idSignature` of the passages the index holds: one the database does not match is stale. */
  signature: string;
  terms: string[];
  outlets: string[];
  days: string[];
  lengths: number[];
}

const ARRAYS = ['termEnds', 'slots', 'counts', 'passageIds', 'lengths', 'outletOf', 'dayOf'] as const;
type ArrayName = (typeof ARRAYS)[number];
const KINDS: Record<ArrayName, typeof Int32Array | typeof Uint32Array> = {
  termEnds: Uint32Array,
  slots: Int32Array,
  counts: Uint32Array,
  passageIds: Int32Array,
  lengths: Uint32Array,
  outletOf: Int32Array,
  dayOf: Int32Array,
};

/** Write a guild's keyword index to `file` atomically, labelled with the passages it holds. */
export function writeKeywordIndex(file: string, index: KeywordIndex, signature: string): void {
  const parts = index.toParts();
  const header: Header = {
    format: FORMAT,
    signature,
    terms: parts.terms,
    outlets: parts.outlets,
    days: parts.days,
    lengths: ARRAYS.map((name) => parts[name].length),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerSize = Buffer.alloc(8);
  headerSize.writeUInt32LE(headerBytes.length, 0);
  const padding = Buffer.alloc((4 - ((8 + headerBytes.length) % 4)) % 4);
  const chunks = [headerSize, headerBytes, padding, ...ARRAYS.map((name) => arrayBytes(parts[name]))];
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // Written part by part: joining them first would hold a second copy of a 100 MB index.
    const descriptor = openSync(temporary, 'w');
    try {
      for (const chunk of chunks) {
        for (let written = 0; written < chunk.length; ) written += writeSync(descriptor, chunk, written);
      }
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } finally {
    if (existsSync(temporary)) rmSync(temporary, { force: true });
  }
}

/**
 * Read a saved keyword index; undefined when it is missing, of another format, or (when
 * `signature` is given) written for other passages.
 */
export function readKeywordIndex(file: string, signature?: string): KeywordIndex | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Header;
  if (header.format !== FORMAT || (signature !== undefined && header.signature !== signature)) return undefined;
  // Views need 4-byte alignment of the whole buffer, which a pooled Buffer may not have.
  const buffer = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  let offset = buffer.byteOffset + 8 + headerLength;
  offset += (4 - (offset % 4)) % 4;
  const arrays = {} as Record<ArrayName, Int32Array | Uint32Array>;
  ARRAYS.forEach((name, position) => {
    const length = header.lengths[position] ?? 0;
    if (offset + length * 4 > buffer.byteOffset + buffer.byteLength) throw new Error(`${file} is truncated`);
    arrays[name] = new KINDS[name](buffer.buffer, offset, length);
    offset += length * 4;
  });
  return KeywordIndex.fromParts({
    terms: header.terms,
    outlets: header.outlets,
    days: header.days,
    ...(arrays as Pick<KeywordIndexParts, ArrayName>),
  });
}

function arrayBytes(array: Int32Array | Uint32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
