/**
 * What search finds: an article (or note, or Word document) as one unit, a PDF as one unit per
 * page. A PDF's title belongs to its first page, so a title match names page 1 rather than every
 * page.
 *
 * A page whose last paragraph goes on on the next page (its stored text ends without a line
 * break, see `import/pdf/extract.ts`) carries the start of that paragraph — the next page's text
 * up to its first line break, at most {@link CARRY} characters — so a phrase that runs over the
 * page break is found, on the page where it starts. A match must start in the page's own text:
 * what is only in the carry is the next page's.
 *
 * @example
 * unitsOf({ id: 'd_1', kind: 'pdf', title: '手册' }, '坚持以人民为\f中心的发展思想。\n下一段');
 * // → [{ id: 'd_1#1', page: 1, text: '坚持以人民为', carry: { text: '中心的发展思想。', fileStart: 19 }, … },
 * //    { id: 'd_1#2', page: 2, title: '', text: '中心的发展思想。\n下一段', fileStart: 19 }]
 */
import type { DocumentKind } from '../../shared/types.js';
import { splitPages } from '../../shared/pages.js';

/** The most characters a page carries of the next: longer than any phrase typed as a query. */
export const CARRY = 64;

export interface Unit {
  id: string;
  docId: string;
  /** 1-based, PDF pages only. */
  page?: number;
  title: string;
  text: string;
  /** Byte offset of `text` in the document's text file (PDF pages follow one another, each after a form feed). */
  fileStart: number;
  /** The start of the next page, when this page's last paragraph runs on to it. */
  carry?: { text: string; fileStart: number };
}

export function unitsOf(doc: { id: string; kind: DocumentKind; title: string }, text: string): Unit[] {
  if (doc.kind !== 'pdf') return [{ id: doc.id, docId: doc.id, title: doc.title, text, fileStart: 0 }];
  const pages = splitPages(text);
  const starts: number[] = [];
  let fileStart = 0;
  for (const page of pages) {
    starts.push(fileStart);
    fileStart += Buffer.byteLength(page) + 1;
  }
  return pages.map((page, i) => {
    const unit: Unit = { id: `${doc.id}#${i + 1}`, docId: doc.id, page: i + 1, title: i === 0 ? doc.title : '', text: page, fileStart: starts[i]! };
    const head = carryOf(pages, i);
    if (head) unit.carry = { text: head, fileStart: starts[i + 1]! };
    return unit;
  });
}

/**
 * What page `i` (0-based) of `pages` carries of the next page: its first line, at most
 * {@link CARRY} characters, when page `i`'s text runs on (ends without whitespace); else ''.
 *
 * @example
 * carryOf(['坚持以人民为', '中心的发展思想。\n下一段'], 0); // → '中心的发展思想。'
 * carryOf(['第一段。\n', '第二段'], 0);                    // → ''
 */
export function carryOf(pages: readonly string[], i: number): string {
  const page = pages[i];
  const next = pages[i + 1];
  if (next === undefined || !page || /\s$/.test(page)) return '';
  const head = next.slice(0, CARRY).split('\n')[0]!;
  if (!head.trim()) return '';
  // Not ending in half a surrogate pair.
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}
