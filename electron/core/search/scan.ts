/**
 * Search by scanning the stored text: every term of the query (split on spaces) must occur in
 * the title or text, compared after NFKC and lower-casing. Exact by construction; it is also the
 * reference that the index will be checked against.
 *
 * @example
 * await scanSearch(docs, readText, '基层 减负', 20);
 * // → { total: 2, hits: [{ docId, title, score, snippet, ranges }] }
 */
import type { SearchHit, SearchResult } from '../../shared/types.js';
import { normalize } from './normalize.js';
import { findAll, makeSnippet } from './snippet.js';

/** Terms of a query: normalized, split on white space, empty ones dropped. */
export const queryTerms = (query: string): string[] => normalize(query).split(/\s+/u).filter(Boolean);

export interface ScanDoc {
  id: string;
  title: string;
}

export async function scanSearch(
  docs: ScanDoc[],
  readText: (id: string) => Promise<string>,
  query: string,
  limit: number,
): Promise<SearchResult> {
  const terms = queryTerms(query);
  if (!terms.length) return { total: 0, hits: [] };
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    const title = normalize(doc.title);
    const stored = await readText(doc.id).catch(() => '');
    // PDFs are stored as pages joined by form feeds; each page is searched on its own.
    const units = stored.includes('\f') ? stored.split('\f') : [stored];
    units.forEach((original, i) => {
      const text = normalize(original);
      if (!terms.every((t) => title.includes(t) || text.includes(t))) return;
      const inText = findAll(text, terms).length;
      const inTitle = findAll(title, terms).length;
      const score = inTitle * 5 + inText / Math.max(1, Math.log2(2 + text.length / 500));
      const source = inText ? original : doc.title;
      const hit: SearchHit = { docId: doc.id, title: doc.title, score: Math.round(score * 1000) / 1000, ...makeSnippet(source, terms) };
      if (units.length > 1) hit.page = i + 1;
      hits.push(hit);
    });
  }
  hits.sort((a, b) => b.score - a.score);
  return { total: hits.length, hits: hits.slice(0, limit) };
}
