/**
 * The normalization every comparison in Yandu goes through: Traditional Chinese folded to
 * Simplified (義 → 义), radicals folded (⻘ → 青), NFKC per code point, then lower case.
 * Done per code point so that every normalized offset maps back to the original text: snippets
 * and highlights show the text as written (full-width ，stays ，) while matching ignores width,
 * case and compatibility forms (⼤ from a browser-printed PDF matches 大).
 *
 * @example
 * const n = normalizeWithMap('Ｇ２０ 峰会，⼤会');
 * n.text;                 // → 'g20 峰会,大会'
 * n.toOriginal([4, 6]);   // → [4, 6]: the same two characters in the original
 */
import { foldChar, TRADITIONAL_CLASS } from '../../shared/fold.js';

export interface Normalized {
  text: string;
  /** Maps a `[start, end)` range of `text` back to the original string. */
  toOriginal(range: [number, number]): [number, number];
}

/**
 * Per UTF-16 code unit, 1 when the character folds to itself: ASCII but A–Z, CJK but Traditional
 * characters, and — learnt as text is read — every other character found to fold to itself (。).
 * A table, not a regular expression: a class with the Traditional characters cut out made
 * normalizing Chinese text 2.4× slower.
 */
const SAME = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) SAME[c] = c >= 0x41 && c <= 0x5a ? 0 : 1;
SAME.fill(1, 0x3400, 0x4dc0);
SAME.fill(1, 0x4e00, 0xa000);
for (const ch of TRADITIONAL_CLASS) SAME[ch.charCodeAt(0)] = 0;

const folded = new Map<string, string>();

/** One code point, normalized: Traditional to Simplified, radicals folded, then NFKC and lower case (memoized). */
const fold = (ch: string): string => {
  let out = folded.get(ch);
  if (out === undefined) {
    out = foldChar(ch);
    const c = ch.charCodeAt(0);
    // A lone surrogate folds to itself, but the pairs it starts may not: never learnt.
    if (out === ch && ch.length === 1 && !(c >= 0xd800 && c <= 0xdfff)) SAME[c] = 1;
    else if (folded.size < 65_536) folded.set(ch, out);
  }
  return out;
};

/**
 * `s` with each character that may fold replaced by `replace(character)` (surrogate pairs
 * whole); the string itself when nothing changed.
 */
function foldEach(s: string, replace: (ch: string) => string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (SAME[c]) continue;
    const ch = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? s.slice(i, i + 2) : s[i]!;
    const to = replace(ch);
    if (to !== ch) {
      out += s.slice(last, i) + to;
      last = i + ch.length;
    }
    i += ch.length - 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Normalizes a string the same way as {@link normalizeWithMap}, without the map. */
export function normalize(s: string): string {
  return foldEach(s, fold);
}

export function normalizeWithMap(original: string): Normalized {
  // Most text folds character for character into pieces of the same length (，→ , and Ａ → a):
  // then offsets are the same in both, and no map is built.
  let sameLength = true;
  const quick = foldEach(original, (ch) => {
    const out = fold(ch);
    if (out.length !== ch.length) sameLength = false;
    return out;
  });
  if (sameLength) {
    const clamp = (x: number): number => Math.min(Math.max(0, x), original.length);
    return { text: quick, toOriginal: ([start, end]) => [clamp(start), clamp(Math.max(start, end))] };
  }
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const ch of original) {
    const piece = fold(ch);
    for (let i = 0; i < piece.length; i++) {
      starts.push(at);
      ends.push(at + ch.length);
    }
    text += piece;
    at += ch.length;
  }
  return {
    text,
    toOriginal([start, end]) {
      if (end <= start) {
        const p = start < starts.length ? starts[start]! : original.length;
        return [p, p];
      }
      return [starts[start] ?? original.length, ends[end - 1] ?? original.length];
    },
  };
}
