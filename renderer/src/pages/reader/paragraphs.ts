/**
 * A document's text cut into paragraphs (at line breaks, blank ones dropped), each as pieces of
 * plain and marked text: the reader renders these, and every match of the query becomes one
 * numbered mark (a match that spans a line break is marked in each paragraph it touches, under
 * the same number).
 *
 * @example
 * paragraphsOf('整治形式主义\n为基层减负', [{ start: 8, end: 12 }]);
 * // → [[{ text: '整治形式主义' }], [{ text: '为' }, { text: '基层减负', mark: 0 }]]
 */
import type { TextMatch } from '../../../../electron/shared/types';

export interface Piece {
  text: string;
  /** Index of the match this piece marks. */
  mark?: number;
}

/** `matches` are offsets into `text`, sorted; their indexes number the marks. */
export function paragraphsOf(text: string, matches: Pick<TextMatch, 'start' | 'end'>[], firstMark = 0): Piece[][] {
  const out: Piece[][] = [];
  const lineBreak = /\r?\n/g;
  let at = 0;
  for (;;) {
    const found = lineBreak.exec(text);
    const end = found ? found.index : text.length;
    if (text.slice(at, end).trim()) out.push(piecesOf(text, at, end, matches, firstMark));
    if (!found) break;
    at = found.index + found[0].length;
  }
  return out;
}

function piecesOf(text: string, start: number, end: number, matches: Pick<TextMatch, 'start' | 'end'>[], firstMark: number): Piece[] {
  const pieces: Piece[] = [];
  let at = start;
  matches.forEach((m, i) => {
    const s = Math.max(m.start, at);
    const e = Math.min(m.end, end);
    if (e <= s) return;
    if (s > at) pieces.push({ text: text.slice(at, s) });
    pieces.push({ text: text.slice(s, e), mark: firstMark + i });
    at = e;
  });
  if (at < end) pieces.push({ text: text.slice(at, end) });
  return pieces;
}
