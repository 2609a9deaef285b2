/**
 * A search hit for a unit: its score, and a snippet around the first match in its text (or its
 * title, when only the title matched).
 *
 * @example
 * hitOf({ id: 'd_1', docId: 'd_1', title: '笔记', text: '为基层减负。' }, ['基层减负'], 2.5);
 * // → { docId: 'd_1', title: '笔记', score: 2.5, snippet: '为基层减负。', ranges: [[1, 5]] }
 */
import type { SearchHit } from '../../shared/types.js';
import { normalize } from './normalize.js';
import { makeSnippet } from './snippet.js';
import type { Unit } from './units.js';

/** `inText`, when the caller already knows whether the text has a match, saves normalizing it. */
export function hitOf(unit: Omit<Unit, 'id' | 'fileStart'>, needles: string[], score: number, inText?: boolean): SearchHit {
  const textHasMatch = inText ?? ((text: string) => needles.some((n) => text.includes(n)))(normalize(unit.text));
  const hit: SearchHit = {
    docId: unit.docId,
    title: unit.title,
    score: Math.round(score * 1000) / 1000,
    ...makeSnippet(textHasMatch ? unit.text : unit.title, needles),
  };
  if (unit.page !== undefined) hit.page = unit.page;
  return hit;
}
