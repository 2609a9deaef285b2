/**
 * Places a highlight in a document's text, which may have changed since it was made (a re-sync,
 * a re-import). In order: the stored position if the quote is still there; else the quote where
 * its context (32 characters either side) also matches, nearest the old position; else a close
 * match — the quote elsewhere without its context, or the quote with a few characters changed
 * (bounded edit distance) — which is `fuzzy` and must be confirmed; else `orphan`. A highlight
 * is never silently put on other text: `exact` always means the quote itself, in its context.
 *
 * @example
 * const q = quoteAt('为基层减负赋能', 1, 5);   // { exact: '基层减负', prefix: '为', suffix: '赋能' }
 * anchor('再次为基层减负赋能', q, { start: 1, end: 5 }); // → { status: 'exact', start: 3, end: 7 }
 */
import search from 'approx-string-match';
import type { AnchorStatus, TextQuoteSelector } from '../../shared/types.js';

/** Characters of context kept either side of a quote. */
export const CONTEXT = 32;

export interface Anchored {
  status: AnchorStatus;
  start?: number;
  end?: number;
}

/** The quote selector of `text[start, end)`. */
export function quoteAt(text: string, start: number, end: number): Omit<TextQuoteSelector, 'type'> {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) };
}

/** Whether the text around `[start, end)` is the quote's context (cut short only at the text's ends). */
function contextMatches(text: string, start: number, end: number, quote: Omit<TextQuoteSelector, 'type'>): boolean {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return before === quote.prefix && after === quote.suffix;
}

/** How much of the context matches, for choosing among places (characters, up to 2 × CONTEXT). */
function contextScore(text: string, start: number, end: number, quote: Omit<TextQuoteSelector, 'type'>): number {
  let score = 0;
  for (let i = 1; i <= quote.prefix.length && text[start - i] === quote.prefix[quote.prefix.length - i]; i++) score++;
  for (let i = 0; i < quote.suffix.length && text[end + i] === quote.suffix[i]; i++) score++;
  return score;
}

const occurrences = (text: string, needle: string): number[] => {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
};

/** Characters of context that make a unique quote sure (it is then placed exactly). */
const SURE_CONTEXT = 8;

/** Most errors a fuzzy match may have: a fifth of the quote, at most 32. */
export const maxErrors = (length: number): number => Math.min(32, Math.floor(length / 5));

export function anchor(text: string, quote: Omit<TextQuoteSelector, 'type'>, position: { start: number; end: number }): Anchored {
  const { exact } = quote;
  if (!exact) return { status: 'orphan' };
  if (text.slice(position.start, position.end) === exact && contextMatches(text, position.start, position.end, quote)) return { status: 'exact', start: position.start, end: position.end };
  const near = (a: number, b: number): number => Math.abs(a - position.start) - Math.abs(b - position.start);
  const places = occurrences(text, exact);
  const inContext = places.filter((i) => contextMatches(text, i, i + exact.length, quote)).sort(near);
  if (inContext.length) return { status: 'exact', start: inContext[0]!, end: inContext[0]! + exact.length };
  // The quote once in the whole text, with part of its context (an edit nearby): the same words.
  if (places.length === 1 && contextScore(text, places[0]!, places[0]! + exact.length, quote) >= Math.min(SURE_CONTEXT, quote.prefix.length + quote.suffix.length))
    return { status: 'exact', start: places[0]!, end: places[0]! + exact.length };
  if (places.length) {
    const best = places.sort((a, b) => contextScore(text, b, b + exact.length, quote) - contextScore(text, a, a + exact.length, quote) || near(a, b))[0]!;
    return { status: 'fuzzy', start: best, end: best + exact.length };
  }
  const allowed = maxErrors(exact.length);
  if (allowed > 0) {
    const matches = search(text, exact, allowed);
    if (matches.length) {
      const best = matches.sort((a, b) => a.errors - b.errors || contextScore(text, b.start, b.end, quote) - contextScore(text, a.start, a.end, quote) || near(a.start, b.start))[0]!;
      return { status: 'fuzzy', start: best.start, end: best.end };
    }
  }
  return { status: 'orphan' };
}
