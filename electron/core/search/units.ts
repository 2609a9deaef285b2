/**
 * What search finds: an article (or note, or Word document) as one unit, a PDF as one unit per
 * page. A PDF's title belongs to its first page, so a title match names page 1 rather than every
 * page.
 *
 * @example
 * unitsOf({ id: 'd_1', kind: 'pdf', title: '手册' }, '第一页\f第二页');
 * // → [{ id: 'd_1#1', docId: 'd_1', page: 1, title: '手册', text: '第一页', fileStart: 0 }, { id: 'd_1#2', …, title: '', fileStart: 10 }]
 */
import type { DocumentKind } from '../../shared/types.js';

export interface Unit {
  id: string;
  docId: string;
  /** 1-based, PDF pages only. */
  page?: number;
  title: string;
  text: string;
  /** Byte offset of `text` in the document's text file (PDF pages follow one another, each after a form feed). */
  fileStart: number;
}

export function unitsOf(doc: { id: string; kind: DocumentKind; title: string }, text: string): Unit[] {
  if (doc.kind !== 'pdf') return [{ id: doc.id, docId: doc.id, title: doc.title, text, fileStart: 0 }];
  let fileStart = 0;
  return text.split('\f').map((page, i) => {
    const unit = { id: `${doc.id}#${i + 1}`, docId: doc.id, page: i + 1, title: i === 0 ? doc.title : '', text: page, fileStart };
    fileStart += Buffer.byteLength(page) + 1;
    return unit;
  });
}
