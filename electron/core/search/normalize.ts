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

const TRADITIONAL = new Set(TRADITIONAL_CLASS);

/** Code points that fold to themselves: ASCII except A–Z, and CJK but for Traditional characters. */
const stable = (ch: string, cp: number): boolean =>
  (cp < 0x80 && !(cp >= 0x41 && cp <= 0x5a)) || (((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) && !TRADITIONAL.has(ch));

const folded = new Map<string, string>();

/** One code point, normalized: radicals folded to characters, then NFKC and lower case (memoized). */
const fold = (ch: string): string => {
  if (stable(ch, ch.codePointAt(0)!)) return ch;
  let out = folded.get(ch);
  if (out === undefined) {
    out = foldChar(ch);
    if (folded.size < 65_536) folded.set(ch, out);
  }
  return out;
};

/** Code points that {@link stable} does not cover (matched whole, surrogate pairs included). */
const UNSTABLE = new RegExp(`[^\\x00-\\x40\\x5b-\\x7f\\u3400-\\u4dbf\\u4e00-\\u9fff]|[${TRADITIONAL_CLASS}]`, 'gu');

/** Normalizes a string the same way as {@link normalizeWithMap}, without the map. */
export function normalize(s: string): string {
  return s.replace(UNSTABLE, fold);
}

export function normalizeWithMap(original: string): Normalized {
  // Most text folds character for character into pieces of the same length (，→ , and Ａ → a):
  // then offsets are the same in both, and no map is built.
  let sameLength = true;
  const quick = original.replace(UNSTABLE, (ch) => {
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
