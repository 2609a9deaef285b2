/**
 * 你是不是要找: for a query with no hits, the 提法 and topic names one character away from it
 * (one changed, added or dropped — 形试主义 → 形式主义), as the normalization of search compares
 * them; the caller keeps those that do have hits.
 *
 * @example
 * oneEditAway('形试主义', ['形式主义', '官僚主义', '基层减负']); // → ['形式主义']
 * await withSuggestions(result, args, phrases, search); // → result, with `suggestions` when it had no hits
 */
import type { SearchResult } from '../../shared/types.js';
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

/** At most this many close phrases are tried for a query with no hits. */
const MAX_CANDIDATES = 8;

/**
 * A result with no hits, given the phrases one edit from its query that do have hits (at most
 * three, under the same filters); any other result as it is.
 */
export async function withSuggestions<A extends { query: string; filters?: object }>(
  result: SearchResult,
  args: A,
  phrases: Iterable<string>,
  search: (args: { query: string; limit: number; filters?: A['filters'] }) => Promise<SearchResult>,
): Promise<SearchResult> {
  const query = args.query.trim();
  if (result.total > 0 || /\s/.test(query)) return result;
  const suggestions: string[] = [];
  for (const candidate of oneEditAway(query, phrases).slice(0, MAX_CANDIDATES)) {
    if ((await search({ query: candidate, limit: 1, ...(args.filters ? { filters: args.filters } : {}) })).total > 0) suggestions.push(candidate);
    if (suggestions.length >= 3) break;
  }
  return suggestions.length ? { ...result, suggestions } : result;
}
