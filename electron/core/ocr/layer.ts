/**
 * What OCR read, placed on the PDF page: each line (its punctuation made full-width beside
 * Chinese, `punctuation.ts`) becomes a text item in the page's own
 * coordinates (PDF user space, as pdf.js gives a text PDF's items), so the reader lays it out with
 * pdf.js's text layer and the importer joins it into the page's text with the same code as any
 * PDF's (`import/pdf/text.ts`: lines by baseline, Chinese joined without spaces, wrapped lines of
 * a paragraph joined). The stored text and the reader's layer therefore agree, as for text PDFs.
 *
 * @example
 * const items = itemsOf(line, viewport); // [{ str: '坚持以人民为中心', transform: [11.2, 0, 0, 11.2, 72, 700.4], width: 90, height: 11.2 }, …]
 * pageTextOf(items).text;                 // '坚持以人民为中心…'
 */
import type { OcrItem } from '../../shared/types.js';
import { layoutPage, type PageText, type TextItem } from '../import/pdf/text.js';
import type { OcrLine } from './engine.js';
import { fullWidthPunctuation } from './punctuation.js';
import type { PageViewport } from './render.js';

export type { OcrItem };

const round = (n: number): number => Math.round(n * 100) / 100;

type Kind = 'han' | 'word' | 'mark' | 'space';
const kindOf = (ch: string): Kind => (/\s/.test(ch) ? 'space' : /[\u3400-\u9fff\uf900-\ufaff]/.test(ch) ? 'han' : /[\p{L}\p{N}.%]/u.test(ch) ? 'word' : 'mark');

/**
 * A line cut where its kind of writing changes (Chinese, Latin words and numbers, each mark on
 * its own; spaces dropped), each piece placed by where the model read its characters: fonts
 * differ in how wide they draw “ or 3, so a whole line laid out in another font drifts, a piece
 * does not. `from` and `to` are fractions of the line's width.
 *
 * @example
 * piecesOf('有“资本”', [0.1, 0.3, 0.5, 0.7, 0.9]); // → [{ str: '有', from: 0, to: 0.2 }, { str: '“', … }, { str: '资本', from: 0.4, to: 0.8 }, { str: '”', … }]
 */
export function piecesOf(text: string, centers: readonly number[]): { str: string; from: number; to: number }[] {
  const n = text.length;
  if (!n) return [];
  const c = (i: number): number => centers[Math.min(i, centers.length - 1)] ?? (i + 0.5) / n;
  const left = (i: number): number => (i > 0 ? (c(i - 1) + c(i)) / 2 : n > 1 ? Math.max(0, c(0) - (c(1) - c(0)) / 2) : 0);
  const right = (i: number): number => (i < n - 1 ? (c(i) + c(i + 1)) / 2 : n > 1 ? Math.min(1, c(n - 1) + (c(n - 1) - c(n - 2)) / 2) : 1);
  const pieces: { str: string; from: number; to: number }[] = [];
  let begin = -1;
  const close = (end: number): void => {
    if (begin >= 0) pieces.push({ str: text.slice(begin, end), from: left(begin), to: right(end - 1) });
    begin = -1;
  };
  for (let i = 0; i < n; i++) {
    const kind = kindOf(text[i]!);
    if (kind === 'space') {
      close(i);
      continue;
    }
    if (begin >= 0 && (kind === 'mark' || kindOf(text[begin]!) !== kind)) close(i);
    if (begin < 0) begin = i;
    if (kind === 'mark') close(i + 1);
  }
  close(n);
  return pieces;
}

/** A line OCR read as text items on the page, one per piece ({@link piecesOf}). */
export function itemsOf(line: OcrLine, viewport: PageViewport): OcrItem[] {
  const text = fullWidthPunctuation(line.text);
  return piecesOf(text, line.centers).map((piece) => placed(piece.str, line.x + piece.from * line.width, line.y, (piece.to - piece.from) * line.width, line.height, viewport));
}

/** Text in a box of the page image, as an item in PDF user space. */
function placed(str: string, x: number, y: number, boxWidth: number, boxHeight: number, viewport: PageViewport): OcrItem {
  const bottom = y + boxHeight;
  const [x0, y0] = viewport.convertToPdfPoint(x, bottom) as [number, number];
  const [x1, y1] = viewport.convertToPdfPoint(x + boxWidth, bottom) as [number, number];
  const [x2, y2] = viewport.convertToPdfPoint(x, y) as [number, number];
  const width = Math.hypot(x1 - x0, y1 - y0);
  const height = Math.hypot(x2 - x0, y2 - y0);
  const u = [(x1 - x0) / (width || 1), (y1 - y0) / (width || 1)];
  const v = [(x2 - x0) / (height || 1), (y2 - y0) / (height || 1)];
  return { str, transform: [u[0]! * height, u[1]! * height, v[0]! * height, v[1]! * height, x0, y0].map(round), width: round(width), height: round(height) };
}

/** The page's text from its OCR items, as the importer reads a text PDF's page. */
export function pageTextOf(items: readonly OcrItem[]): PageText {
  const textItems: TextItem[] = items.map((item) => ({ str: item.str, x: item.transform[4]!, y: item.transform[5]!, width: item.width, height: item.height }));
  return layoutPage(textItems);
}
