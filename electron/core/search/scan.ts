/**
 * Search by scanning the stored text, unit by unit (see `units.ts`): a unit is a hit when its
 * title or text contains every `must` part and neither contains a `not` part, compared after
 * normalization. Exact by construction: it is the reference the index is checked against, and
 * the benchmark's baseline.
 *
 * @example
 * await scanSearch(docs, readText, '基层 减负', 20);
 * // → { total: 2, hits: [{ docId, title, score, snippet, ranges }] }
 */
import type { DocumentKind, SearchHit, SearchResult } from '../../shared/types.js';
import { normalize } from './normalize.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { findAll, makeSnippet } from './snippet.js';
import { unitsOf, type Unit } from './units.js';

export interface ScanDoc {
  id: string;
  kind: DocumentKind;
  title: string;
}

/** Whether a unit satisfies a parsed query (both sides normalized). */
export function unitMatches(title: string, text: string, query: ParsedQuery): boolean {
  return (
    query.must.every((p) => title.includes(p) || text.includes(p)) && !query.not.some((p) => title.includes(p) || text.includes(p))
  );
}

/** A hit for a unit: score from occurrences, snippet around the first match in the text. */
export function hitOf(unit: Unit, query: ParsedQuery, score?: number, inTextKnown?: boolean): SearchHit {
  let computed = score;
  let inText = inTextKnown;
  if (computed === undefined || inText === undefined) {
    const text = normalize(unit.text);
    const count = findAll(text, query.must).length;
    inText = count > 0;
    computed ??= findAll(normalize(unit.title), query.must).length * 5 + count / Math.max(1, Math.log2(2 + text.length / 500));
  }
  const source = inText ? unit.text : unit.title;
  const hit: SearchHit = { docId: unit.docId, title: unit.title, score: Math.round(computed * 1000) / 1000, ...makeSnippet(source, query.must) };
  if (unit.page !== undefined) hit.page = unit.page;
  return hit;
}

export async function scanSearch(docs: ScanDoc[], readText: (id: string) => Promise<string>, query: string, limit: number): Promise<SearchResult> {
  const parsed = parseQuery(query);
  if (!parsed.must.length) return { total: 0, hits: [] };
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    const stored = await readText(doc.id).catch(() => '');
    for (const unit of unitsOf(doc, stored)) {
      if (!unitMatches(normalize(unit.title), normalize(unit.text), parsed)) continue;
      hits.push({ ...hitOf(unit, parsed), title: doc.title });
    }
  }
  hits.sort((a, b) => b.score - a.score);
  return { total: hits.length, hits: hits.slice(0, limit) };
}
