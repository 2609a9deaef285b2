/**
 * 你是不是要找: for a query with no hits, the 提法 and topic names one character away from it
 * (one changed, added or dropped — 形试主义 → 形式主义), as the normalization of search compares
 * them; the caller keeps those that do have hits.
 *
 * @example
 * oneEditAway('形试主义', ['形式主义', '官僚主义', '基层减负']); // → ['形式主义']
 */
import { normalize } from './normalize.js';

/** True when `a` becomes `b` by changing, adding or dropping one character (not when they are equal). */
export function isOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1 || a === b) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  // What is left between the common start and end: at most one character on each side.
  return x.length - i - j <= 1 && y.length - i - j <= 1;
}

/** The phrases one edit from the query, each once, in the order given. */
export function oneEditAway(query: string, phrases: Iterable<string>): string[] {
  const q = normalize(query.trim());
  if ([...q].length < 2) return [];
  const out = new Set<string>();
  for (const phrase of phrases) if (isOneEdit(q, normalize(phrase))) out.add(phrase);
  return [...out];
}
