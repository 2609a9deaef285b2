/**
 * Where a query occurs in a document's text, for the reader to mark every occurrence: the same
 * parsing and normalization as search (so the reader marks exactly what search matched), with
 * offsets into the text as stored (an article's text, or each page of a PDF).
 *
 * @example
 * locate('整治形式主义，为基层减负', '基层减负');      // → [{ start: 8, end: 12 }]
 * locate(['第一页', '第二页：减负'], '减负');          // → [{ page: 2, start: 4, end: 6 }]
 */
import type { TextMatch } from '../../shared/types.js';
import { normalizeWithMap } from './normalize.js';
import { parseQuery } from './query.js';
import { findAll } from './snippet.js';

export function locate(text: string | string[], query: string): TextMatch[] {
  const { must } = parseQuery(query);
  if (!must.length) return [];
  const one = (t: string, page?: number): TextMatch[] => {
    const norm = normalizeWithMap(t);
    return findAll(norm.text, must).map((r) => {
      const [start, end] = norm.toOriginal(r);
      return page === undefined ? { start, end } : { page, start, end };
    });
  };
  return typeof text === 'string' ? one(text) : text.flatMap((page, i) => one(page, i + 1));
}
