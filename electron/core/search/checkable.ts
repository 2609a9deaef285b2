/**
 * What the search index keeps of a unit's text to check candidates and cut snippets: the
 * normalized title, the normalized text as UTF-8 bytes (outside the JS heap; a byte search proves
 * or refutes a candidate), and marks every {@link CHUNK} characters that tie a normalized byte
 * offset to the byte offset of the same place in the document's text file. A snippet then reads and maps only
 * a few kilobytes of the file around the match, however long the document.
 *
 * Normalization is per code point (see `normalize.ts`), so normalizing chunks one by one gives
 * exactly the normalized whole.
 *
 * @example
 * const unit = checkableOf('标题', '……为基层减负……', 0);
 * const at = unit.text.indexOf(Buffer.from('基层减负'));
 * windowOf(unit, at); // → [fileStart, fileEnd) of the text as written around the match
 */
import { normalize } from './normalize.js';
import type { Tally } from './shards.js';

/** Characters (UTF-16 units) between two marks. */
export const CHUNK = 512;

export interface Checkable {
  title: string;
  text: Buffer;
  /** Pairs [normalized byte, file byte] at the start of each chunk, then at the end. */
  marks: Uint32Array;
}

/** `text` as written starts at byte `fileStart` of the document's text file. */
export function checkableOf(title: string, text: string, fileStart: number): Checkable {
  const parts: string[] = [];
  const marks: number[] = [];
  let normalizedBytes = 0;
  let fileBytes = fileStart;
  for (let i = 0; i < text.length; ) {
    let j = Math.min(text.length, i + CHUNK);
    const code = text.charCodeAt(j);
    if (j < text.length && code >= 0xdc00 && code <= 0xdfff) j++; // keep surrogate pairs whole
    const piece = text.slice(i, j);
    const normalized = normalize(piece);
    marks.push(normalizedBytes, fileBytes);
    normalizedBytes += Buffer.byteLength(normalized);
    fileBytes += Buffer.byteLength(piece);
    parts.push(normalized);
    i = j;
  }
  marks.push(normalizedBytes, fileBytes);
  return { title: normalize(title), text: Buffer.from(parts.join('')), marks: Uint32Array.from(marks) };
}

/**
 * The file byte range of the chunk holding normalized byte `at`, with one chunk either side —
 * enough text as written for a snippet around that place.
 */
export function windowOf(unit: Checkable, at: number): [number, number] {
  const chunks = unit.marks.length / 2 - 1;
  let lo = 0;
  let hi = chunks - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (unit.marks[2 * mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  const first = Math.max(0, lo - 1);
  const end = Math.min(chunks, lo + 2);
  return [unit.marks[2 * first + 1]!, unit.marks[2 * end + 1]!];
}

/** A query part, normalized, with its bigrams' offsets; `proof` when its bigrams cover it. */
export interface Part {
  text: string;
  bytes: Buffer;
  /** Each distinct bigram of the part: its probe's slot and its byte offset in the part. */
  bigrams: { at: number; offset: number }[];
  /** The part is one run whose bigrams are all distinct: bigrams in place prove the part. */
  proof: boolean;
}

/**
 * Where `part` is in unit `n`'s text (byte offset), or -1. `tally` gives, per token slot, the
 * blocks (of `block` bytes) of that bigram's first and last occurrence (-1: absent).
 * The part can only start between every bigram's first place and its last place, minus the
 * bigram's offset in the part; only that range is searched. With exact places (blocks of one
 * byte) and every bigram's first place agreeing, the part is there without reading the text.
 */
export function findPart(unit: Checkable, part: Part, tally: Tally, n: number, block: number): number {
  let from = 0;
  let to = unit.text.length;
  let agree = part.proof && block === 1 && part.bigrams.length > 0;
  let place = -1;
  for (const { at, offset } of part.bigrams) {
    const first = tally.first[at * tally.size + n]!;
    if (first < 0) return -1; // a bigram of the part is not in the text
    const start = first * block - offset;
    if (place >= 0 && start !== place) agree = false;
    place = start;
    from = Math.max(from, start);
    to = Math.min(to, tally.last[at * tally.size + n]! * block + block - 1 - offset);
  }
  if (from > to) return -1;
  if (agree) return from;
  const found = unit.text.subarray(from, to + part.bytes.length).indexOf(part.bytes);
  return found >= 0 ? from + found : -1;
}

/** Byte offset of the first of the needles in the unit's normalized text, or -1. */
export function firstIn(unit: Checkable, needles: Buffer[]): number {
  let first = -1;
  for (const needle of needles) {
    const at = unit.text.indexOf(needle);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** True when the unit's title or text has the (normalized) string. */
export function contains(unit: Checkable, needle: string): boolean {
  return unit.title.includes(needle) || unit.text.includes(needle);
}
