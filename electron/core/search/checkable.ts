/**
 * What the search index keeps of a unit's text to check candidates and cut snippets: the
 * normalized title, the normalized text as UTF-16 (outside the JS heap; a search over its 16-bit
 * units proves or refutes a candidate — Chinese takes 2 bytes a character there against UTF-8's
 * 3, and the search ran ~1.7× faster), and marks every {@link CHUNK} characters that tie a
 * normalized byte offset to the byte offset of the same place in the document's text file. A
 * snippet then reads and maps only a few kilobytes of the file around the match, however long
 * the document. Offsets into `text` are bytes (twice the UTF-16 index), always even.
 *
 * Normalization is per code point (see `normalize.ts`), so normalizing chunks one by one gives
 * exactly the normalized whole.
 *
 * @example
 * const unit = checkableOf('标题', '……为基层减负……', 0);
 * const at = unit.text.indexOf('基层减负', 0, 'ucs2');
 * windowOf(unit, at); // → [fileStart, fileEnd) of the text as written around the match
 */
import { normalize } from './normalize.js';
import type { Tally } from './shards.js';

/**
 * Characters (UTF-16 units) between two marks. A snippet's window is three chunks: small enough
 * to read and map quickly (512 spent a millisecond a query on snippets), wide enough for the
 * 40 characters before a match and 80 after that a snippet shows.
 */
export const CHUNK = 128;

export interface Checkable {
  title: string;
  /** UTF-16LE: the unit's own text, then what it carries of the next page (see `units.ts`). */
  text: Buffer;
  /** Bytes of `text` that are the unit's own: a match must start before this. */
  own: number;
  /** The same memory as UTF-16 code units, for searching short ranges without a native call. */
  chars: Uint16Array;
  /** Pairs [normalized byte, file byte] at the start of each chunk, then at the end. */
  marks: Uint32Array;
}

/** The UTF-16 code units of a string. */
export function codesOf(s: string): Uint16Array {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes;
}

/**
 * `text` as written starts at byte `fileStart` of the document's text file; `carry`, the start of
 * the next page, at its own place in the file (after the page break, which is not part of either).
 */
export function checkableOf(title: string, text: string, fileStart: number, carry?: { text: string; fileStart: number }): Checkable {
  const parts: string[] = [];
  const marks: number[] = [];
  let normalizedBytes = 0;
  const chunk = (segment: string, start: number): void => {
    let fileBytes = start;
    for (let i = 0; i < segment.length; ) {
      let j = Math.min(segment.length, i + CHUNK);
      const code = segment.charCodeAt(j);
      if (j < segment.length && code >= 0xdc00 && code <= 0xdfff) j++; // keep surrogate pairs whole
      const piece = segment.slice(i, j);
      const normalized = normalize(piece);
      marks.push(normalizedBytes, fileBytes);
      normalizedBytes += 2 * normalized.length;
      fileBytes += Buffer.byteLength(piece);
      parts.push(normalized);
      i = j;
    }
    return void marks.push(normalizedBytes, fileBytes);
  };
  chunk(text, fileStart);
  const own = normalizedBytes;
  if (carry?.text) {
    marks.length -= 2; // the carry's first mark says where the own text's last chunk ends in the file
    chunk(carry.text, carry.fileStart);
  }
  const chars = codesOf(parts.join(''));
  return { title: normalize(title), text: Buffer.from(chars.buffer, chars.byteOffset, chars.byteLength), own, chars, marks: Uint32Array.from(marks) };
}

/** The chunk holding normalized byte `at`. */
function chunkOf(unit: Checkable, at: number): number {
  let lo = 0;
  let hi = unit.marks.length / 2 - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (unit.marks[2 * mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The file byte range of the chunks holding normalized bytes `at` to `at + length`, with one
 * chunk either side — enough text as written for a snippet around a match there.
 */
export function windowOf(unit: Checkable, at: number, length = 0): [number, number] {
  const chunks = unit.marks.length / 2 - 1;
  const first = Math.max(0, chunkOf(unit, at) - 1);
  const end = Math.min(chunks, chunkOf(unit, at + length) + 2);
  return [unit.marks[2 * first + 1]!, unit.marks[2 * end + 1]!];
}

/** A query part, normalized, with its bigrams' offsets; `proof` when its bigrams cover it. */
export interface Part {
  text: string;
  /** Its UTF-16 code units. */
  codes: Uint16Array;
  /** Each distinct bigram of the part: its probe's slot and its byte offset in the part. */
  bigrams: { at: number; offset: number }[];
  /** The part is one run whose bigrams are all distinct: bigrams in place prove the part. */
  proof: boolean;
}

/** {@link findPart}'s answer when the part is there but found from the end: not its first place. */
export const FOUND_LATER = -2;

/** Bytes searched from one end of a range before trying the other end; doubled each turn. */
const STEP = 256;

/**
 * Ranges under this many bytes are searched in JavaScript over the code units: there a native
 * `Buffer.indexOf` (a view to cut, the needle to convert, the call: ~0.8 µs) costs more than the
 * search, which usually ends within a few characters. Longer ranges are searched natively, several
 * times faster per character (measured: 1,024 chars in 1.0 µs against 1.7 µs; 8,192 in 1.2 against
 * 12) — a part that is not there is searched over its whole range.
 */
const NATIVE_FROM = 1024;

/** Byte offset of the first place in `[lo, hi]` (even byte offsets) where `part` starts, or -1. */
function indexIn(unit: Checkable, part: Part, lo: number, hi: number): number {
  if (hi - lo >= NATIVE_FROM) {
    const at = unit.text.subarray(lo, hi + 2 * part.text.length).indexOf(part.text, 0, 'ucs2');
    return at < 0 ? -1 : lo + at;
  }
  const { chars } = unit;
  const { codes } = part;
  const head = codes[0]!;
  const m = codes.length;
  const end = Math.min(hi >> 1, chars.length - m);
  scan: for (let i = lo >> 1; i <= end; i++) {
    if (chars[i] !== head) continue;
    for (let j = 1; j < m; j++) if (chars[i + j] !== codes[j]) continue scan;
    return i << 1;
  }
  return -1;
}

/**
 * Whether the part starts somewhere in `[lo, hi]` (even byte offsets): searched from both ends
 * in turn, a window at a time, so a match near either end is found without reading the middle.
 * A law's first 十三 is often in its header (第十三届全国人民代表大会) while its last is in the
 * article (第六十三条) itself: the forward search alone read a kilobyte a hit.
 */
function searchBothEnds(unit: Checkable, part: Part, lo: number, hi: number): number {
  for (let step = STEP; lo <= hi; step *= 2) {
    const end = Math.min(hi, lo + step);
    const ahead = indexIn(unit, part, lo, end);
    if (ahead >= 0) return ahead;
    lo = end + 2;
    if (lo > hi) break;
    const start = Math.max(lo, hi - step);
    if (indexIn(unit, part, start, hi) >= 0) return FOUND_LATER;
    hi = start - 2;
  }
  return -1;
}

/**
 * Where `part` is in unit `n`'s text: its first byte offset, {@link FOUND_LATER}, or -1 when it
 * is not there. `tally` gives, per token slot, the blocks (of `block` bytes, an even number) of
 * that bigram's first and last occurrence (-1: absent). The part can only start between every
 * bigram's first place and its last place, minus the bigram's offset in the part; only that range
 * is searched. With exact places (blocks of one character) and every bigram's first place
 * agreeing, the part is there without reading the text.
 */
export function findPart(unit: Checkable, part: Part, tally: Tally, n: number, block: number): number {
  let from = 0;
  let to = unit.own - 2;
  for (const { at, offset } of part.bigrams) {
    const first = tally.first[at * tally.size + n]!;
    if (first < 0) return -1; // a bigram of the part is not in the text
    from = Math.max(from, first * block - offset);
    to = Math.min(to, tally.last[at * tally.size + n]! * block + block - 2 - offset);
  }
  if (from > to) return -1;
  if (provenStart(part, tally, n, block) >= 0) return from;
  return searchBothEnds(unit, part, from, to);
}

/**
 * Where the part starts in unit `n`'s text (a byte offset), proven from the index alone: with
 * exact places (blocks of one character) every bigram's first place follows the one before as in
 * the part. -1 when that does not prove it (the text must be searched).
 */
export function provenStart(part: Part, tally: Tally, n: number, block: number): number {
  if (!part.proof || block !== 2 || !part.bigrams.length) return -1;
  let place = -1;
  for (const { at, offset } of part.bigrams) {
    const first = tally.first[at * tally.size + n]!;
    if (first < 0) return -1;
    const start = first * block - offset;
    if (place >= 0 && start !== place) return -1;
    place = start;
  }
  return place;
}

/** Byte offset of the first (normalized) needle starting in the unit's own text, or -1. */
export function firstIn(unit: Checkable, needles: string[]): number {
  let first = -1;
  for (const needle of needles) {
    const at = needle ? unit.text.indexOf(needle, 0, 'ucs2') : -1;
    if (at >= 0 && at < unit.own && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** True when the unit's title or text has the (normalized) string, starting in its own text. */
export function contains(unit: Checkable, needle: string): boolean {
  if (unit.title.includes(needle)) return true;
  const at = unit.text.indexOf(needle, 0, 'ucs2');
  return at >= 0 && at < unit.own;
}
