/**
 * Near-identical texts: the same article saved twice (from two sites, or as a page and again
 * later with a different footer) has almost the same character bigrams. Jaccard similarity of
 * the bigram sets, on normalized text without white space or punctuation.
 *
 * @example
 * similarity('为基层减负，要在实字上下功夫。', '为基层减负要在“实”字上下功夫'); // → 1
 */
import { normalize } from '../search/normalize.js';

/** Above this, two articles with the same title are one document. */
export const SAME_ARTICLE = 0.9;

function bigrams(text: string): Set<string> {
  const clean = normalize(text).replace(/[\s\p{P}\p{S}]+/gu, '');
  const set = new Set<string>();
  for (let i = 0; i + 1 < clean.length; i++) set.add(clean.slice(i, i + 2));
  return set;
}

export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size && !y.size) return 1;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Titles compared the same way as text: width, case and punctuation ignored. */
export const titleKey = (title: string): string => normalize(title).replace(/[\s\p{P}\p{S}]+/gu, '');

/** Each record's title key, kept while its title stays the same: every import compares against all titles. */
const keys = new WeakMap<object, { title: string; key: string }>();

/** {@link titleKey} of a document's title, computed once per title (an import looks at every document's). */
export function recordTitleKey(doc: { title: string }): string {
  const cached = keys.get(doc);
  if (cached?.title === doc.title) return cached.key;
  const key = titleKey(doc.title);
  keys.set(doc, { title: doc.title, key });
  return key;
}
