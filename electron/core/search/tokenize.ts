/**
 * The tokenizer for Chinese search. Text is normalized (radicals folded, NFKC, lower case — see
 * `normalize.ts`) and cut into runs: a run of CJK characters, or a run of Latin letters and
 * digits; everything else (punctuation, spaces, symbols) separates runs and is dropped.
 *
 * A document's tokens ({@link tokenize}) are, per run: its overlapping bigrams (a lone
 * character stands as itself), and for Latin/digit runs the whole word too (5g, gdp, 2024).
 * A query's tokens ({@link queryTokens}) are its runs' bigrams. Every substring of a text has
 * query tokens that the text's tokens contain, so "all query tokens present" never misses a
 * document that contains the query; the search then checks the exact string. A query made only
 * of one-character runs has no tokens: the search checks every unit for it.
 *
 * @example
 * tokenize('5G与GDP');
 * // → ['5g', '5g', '与', 'gd', 'dp', 'gdp']
 * queryTokens('整治形式主义'); // → ['整治', '治形', '形式', '式主', '主义']
 */
import { normalize } from './normalize.js';

/** Han ideographs (BMP blocks and the supplementary planes' extensions). */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const WORD = /[\p{L}\p{N}]/u;

type Run = { cjk: boolean; chars: string[] };

/** Character classes of the tokenizer: 0 separates runs, 1 is CJK, 2 is a Latin letter or digit. */
function classOf(ch: string, code: number): 0 | 1 | 2 {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 2 : 0;
  if (code >= 0x4e00 && code <= 0x9fff) return 1;
  return CJK.test(ch) ? 1 : WORD.test(ch) ? 2 : 0;
}

/** The runs of already normalized text. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const ch of text) {
    const cls = classOf(ch, ch.codePointAt(0)!);
    if (cls === 0) {
      current = undefined;
      continue;
    }
    const cjk = cls === 1;
    if (!current || current.cjk !== cjk) {
      current = { cjk, chars: [] };
      runs.push(current);
    }
    current.chars.push(ch);
  }
  return runs;
}

function bigrams(chars: string[], out: string[]): void {
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
}

/** Index tokens of already normalized text. */
export function tokenizeNormalized(text: string): string[] {
  const tokens: string[] = [];
  for (const run of runsOf(text)) {
    const { chars } = run;
    if (chars.length === 1) {
      tokens.push(chars[0]!);
      continue;
    }
    bigrams(chars, tokens);
    if (!run.cjk) tokens.push(chars.join(''));
  }
  return tokens;
}

/** Index tokens: normalizes, then tokenizes. */
export function tokenize(text: string): string[] {
  return tokenizeNormalized(normalize(text));
}

/**
 * The byte offsets in UTF-16 (twice the string index) of the first and the last occurrence of
 * each bigram token in already normalized text. A phrase found at byte `p` has each of its bigrams at `p` plus that bigram's
 * offset in the phrase, so an occurrence can only start between `first − offset` and
 * `last − offset` of every one of its bigrams: the search checks only that range.
 *
 * @example
 * bigramSpans('为基层减负，基层'); // → Map { '为基' => [0, 0], '基层' => [2, 12], '层减' => [4, 4], '减负' => [6, 6] }
 */
export function bigramSpans(text: string): Map<string, [number, number]> {
  const spans = new Map<string, [number, number]>();
  let prev = '';
  let prevClass = 0;
  let prevByte = 0;
  let byte = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const cls = classOf(ch, code);
    if (cls !== 0 && cls === prevClass) {
      const token = prev + ch;
      const span = spans.get(token);
      if (span) span[1] = prevByte;
      else spans.set(token, [prevByte, prevByte]);
    }
    prev = ch;
    prevClass = cls;
    prevByte = byte;
    byte += code < 0x10000 ? 2 : 4;
  }
  return spans;
}

/** The tokens that every document containing `text` (normalized or not) has. */
export function queryTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const { chars } of runsOf(normalize(text))) bigrams(chars, tokens);
  return [...new Set(tokens)];
}
