/**
 * Search queries as candidates type them: words separated by spaces must all occur (AND);
 * `"…"` (or “…”, 「…」) is an exact phrase; `-word` excludes documents that contain it. Each part is
 * normalized like the text it is compared with.
 *
 * @example
 * parseQuery('基层减负 "指尖上的形式主义" -通知');
 * // → { must: ['基层减负', '指尖上的形式主义'], not: ['通知'] }
 */
import { normalize } from './normalize.js';

export interface ParsedQuery {
  /** Normalized strings that every hit contains. */
  must: string[];
  /** Normalized strings that no hit contains. */
  not: string[];
}

const QUOTES = /"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』/g;

export function parseQuery(query: string): ParsedQuery {
  const must: string[] = [];
  const not: string[] = [];
  const rest = query.replace(QUOTES, (_, a?: string, b?: string, c?: string, d?: string) => {
    const phrase = normalize((a ?? b ?? c ?? d ?? '').trim());
    if (phrase) must.push(phrase);
    return ' ';
  });
  for (const word of rest.split(/[\s\u3000]+/u)) {
    if (!word) continue;
    if (word.startsWith('-') && word.length > 1) not.push(normalize(word.slice(1)));
    else if (word !== '-') must.push(normalize(word));
  }
  return { must: [...new Set(must)], not: [...new Set(not)] };
}
