/**
 * Search hits by document: a PDF whose 110 pages mention LaTeX is one result, shown by its best
 * page, with the others a click away — not 110 cards. Documents keep the order of their best
 * hit; a document's hits go best first.
 *
 * @example
 * const groups = groupHits(result.hits);         // → [{ docId, title, hits: [best, …] }, …]
 * rowsOf(groups, new Set(['d_1']));               // → the list's rows: each document, and d_1's other pages
 */
import type { SearchHit } from '../../../../electron/shared/types';

export interface HitGroup {
  docId: string;
  title: string;
  /** Best first. */
  hits: SearchHit[];
}

export type HitRow = { kind: 'doc'; group: HitGroup } | { kind: 'more'; group: HitGroup; hit: SearchHit };

export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const byDoc = new Map<string, HitGroup>();
  for (const hit of hits) {
    const group = byDoc.get(hit.docId);
    if (group) group.hits.push(hit);
    else byDoc.set(hit.docId, { docId: hit.docId, title: hit.title, hits: [hit] });
  }
  const groups = [...byDoc.values()];
  for (const g of groups) g.hits.sort((a, b) => b.score - a.score || (a.page ?? 0) - (b.page ?? 0));
  return groups.sort((a, b) => b.hits[0]!.score - a.hits[0]!.score);
}

/** The rows of the list: one per document, and the other hits of the documents opened. */
export function rowsOf(groups: readonly HitGroup[], open: ReadonlySet<string>): HitRow[] {
  const rows: HitRow[] = [];
  for (const group of groups) {
    rows.push({ kind: 'doc', group });
    if (open.has(group.docId)) for (const hit of group.hits.slice(1)) rows.push({ kind: 'more', group, hit });
  }
  return rows;
}
