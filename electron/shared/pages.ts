/**
 * A PDF's text is its pages joined by form feeds; these are the only functions that know it, in
 * core (storing, indexing, anchoring) and in the reader (citing, copying) alike.
 *
 * @example
 * const text = joinPages(['第一页', '第二页']);  // → '第一页\f第二页'
 * pageAt(text, 5);                               // → { page: 2, begin: 4 }
 * pageBegin(text, 2);                            // → 4
 * flatQuote('页尾\f页首');                       // → '页尾 页首'
 */
export const PAGE_BREAK = '\f';

export const joinPages = (pages: readonly string[]): string => pages.join(PAGE_BREAK);

export const splitPages = (text: string): string[] => text.split(PAGE_BREAK);

/** A quote as it reads on one line: page breaks become spaces. */
export const flatQuote = (quote: string): string => quote.replace(/\f/g, ' ').trim();

/** The 1-based page holding a whole-text offset, and where that page begins. */
export function pageAt(text: string, offset: number): { page: number; begin: number } {
  let page = 1;
  let begin = 0;
  for (let i = text.indexOf(PAGE_BREAK); i >= 0 && i < offset; i = text.indexOf(PAGE_BREAK, i + 1)) {
    page++;
    begin = i + 1;
  }
  return { page, begin };
}

/** Where page `page` (1-based) begins in the whole text, or undefined when there is no such page. */
export function pageBegin(text: string, page: number): number | undefined {
  let begin = 0;
  for (let p = 1; p < page; p++) {
    const next = text.indexOf(PAGE_BREAK, begin);
    if (next < 0) return undefined;
    begin = next + 1;
  }
  return begin;
}
