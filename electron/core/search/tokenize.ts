/**
 * The tokenizer for Chinese search. Text is normalized (radicals folded, NFKC, lower case — see
 * `normalize.ts`) and cut into runs: a run of CJK characters, or a run of Latin letters and
 * digits; everything else (punctuation, spaces, symbols) separates runs and is dropped.
 *
 * A document's tokens ({@link tokenize}) are, per run: its overlapping bigrams, its first and
 * last character (a lone character stands as itself), and for Latin/digit runs the whole word
 * (5g, gdp, 2024). A query's tokens ({@link queryTokens}) are its runs' bigrams, or the character
 * of a one-character run. With these two, every substring of a text has query tokens that the
 * text's tokens contain: a one-character piece of a query is always at the edge of a run in the
 * text (or a run by itself), so "all query tokens present" never misses a document that contains
 * the query; the search then checks the exact string.
 *
 * @example
 * tokenize('5G与GDP');
 * // → ['5g', '5', 'g', '5g', '与', 'gd', 'dp', 'g', 'p', 'gdp']
 * queryTokens('整治形式主义'); // → ['整治', '治形', '形式', '式主', '主义']
 */
import { normalize } from './normalize.js';

/** Han ideographs (BMP blocks and the supplementary planes' extensions). */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const WORD = /[\p{L}\p{N}]/u;

type Run = { cjk: boolean; chars: string[] };

/** The runs of already normalized text. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const ch of text) {
    const cjk = CJK.test(ch);
    if (!cjk && !WORD.test(ch)) {
      current = undefined;
      continue;
    }
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
    tokens.push(chars[0]!, chars[chars.length - 1]!);
    if (!run.cjk) tokens.push(chars.join(''));
  }
  return tokens;
}

/** Index tokens: normalizes, then tokenizes. */
export function tokenize(text: string): string[] {
  return tokenizeNormalized(normalize(text));
}

/** The tokens that every document containing `text` (normalized or not) has. */
export function queryTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const { chars } of runsOf(normalize(text))) {
    if (chars.length === 1) tokens.push(chars[0]!);
    else bigrams(chars, tokens);
  }
  return [...new Set(tokens)];
}
