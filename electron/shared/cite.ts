/**
 * How a quote is cited, the same in the reader's 复制 and in every export:
 * 《title》 · site · date · origin · 第 N 页 (what is unknown left out).
 *
 * @example
 * citeLine({ title: '为基层减负', site: '人民网', publishedAt: '2024-09-03' }, 12); // → '《为基层减负》 · 人民网 · 2024-09-03 · 第 12 页'
 */
export interface CitedDocument {
  title: string;
  site?: string;
  publishedAt?: string;
  origin?: string;
}

export function citeLine(doc: CitedDocument, page?: number): string {
  return [`《${doc.title}》`, doc.site, doc.publishedAt, doc.origin, page !== undefined ? `第 ${page} 页` : undefined].filter(Boolean).join(' · ');
}
