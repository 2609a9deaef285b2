/**
 * Where a query occurs in a document's text, for the reader to mark every occurrence: the same
 * parsing and normalization as search (so the reader marks exactly what search matched), with
 * offsets into the text as stored (an article's text, or each page of a PDF). A phrase that runs
 * over a PDF's page break (as search finds it, see `units.ts`) is one match on the page where it
 * starts, to that page's end, with `next` saying where it stops on the next page.
 *
 * @example
 * locate('整治形式主义，为基层减负', '基层减负');      // → [{ start: 8, end: 12 }]
 * locate(['第一页', '第二页：减负'], '减负');          // → [{ page: 2, start: 4, end: 6 }]
 * locate(['坚持以人民为', '中心。\n'], '人民为中心');    // → [{ page: 1, start: 2, end: 6, next: { page: 2, end: 2 } }]
 */
import type { TextMatch } from '../../shared/types.js';
import { normalizeWithMap } from './normalize.js';
import { parseQuery } from './query.js';
import { findAll } from './snippet.js';
import { carryOf } from './units.js';

export function locate(text: string | string[], query: string): TextMatch[] {
  const { must } = parseQuery(query);
  if (!must.length) return [];
  if (typeof text === 'string') {
    const norm = normalizeWithMap(text);
    return findAll(norm.text, must).map((r) => {
      const [start, end] = norm.toOriginal(r);
      return { start, end };
    });
  }
  return text.flatMap((page, i) => {
    const norm = normalizeWithMap(page + carryOf(text, i));
    return findAll(norm.text, must).flatMap((r): TextMatch[] => {
      const [start, end] = norm.toOriginal(r);
      if (start >= page.length) return []; // the next page's own
      if (end <= page.length) return [{ page: i + 1, start, end }];
      return [{ page: i + 1, start, end: page.length, next: { page: i + 2, end: end - page.length } }];
    });
  });
}
