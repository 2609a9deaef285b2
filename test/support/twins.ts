/**
 * The 人民日报 commentaries saved both as HTML and as browser-printed PDF
 * (`../shared/corpus/html/rmrb-commentary/`): the HTML twin is an independent truth for the PDF's
 * text. Two measures: character F1 (as in `quality.ts`) of the PDF's stored text against the
 * twin's title and paragraphs, and the line breaks the PDF's text puts inside a run that the HTML
 * reads as one paragraph, per 10,000 CJK characters.
 *
 * @example
 * const twin = twinOf(pdfPath);               // { title, paragraphs } from the HTML file
 * breaksAgainst(pdfText, twin.paragraphs);    // → { inner: 0, lost: 0, … } when wraps are joined and paragraphs kept
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { foldCompatibility } from '../../electron/core/import/pdf/text';
import { SHARED } from './shared';

export const RMRB = join(SHARED, 'corpus', 'html', 'rmrb-commentary');

/** The commentaries that have both forms, by file name without extension, sorted. */
export function twinNames(): string[] {
  const dir = join(RMRB, 'pdf');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf') && existsSync(join(RMRB, 'html', f.replace(/\.pdf$/, '.html'))))
    .map((f) => f.replace(/\.pdf$/, ''))
    .sort();
}

/** The HTML twin read directly from its markup (not through Yandu's importer): title and paragraphs. */
export function twinOf(name: string): { title: string; paragraphs: string[] } {
  const { document } = parseHTML(readFileSync(join(RMRB, 'html', `${name}.html`), 'utf8'));
  const title = (document.querySelector('h2')?.textContent ?? document.querySelector('title')?.textContent ?? '').trim();
  const paragraphs = Array.from(document.querySelectorAll('p'))
    .map((p) => (p.textContent ?? '').trim())
    .filter(Boolean);
  return { title, paragraphs };
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/g;
/** Text folded as the twins are compared: compatibility forms, NFKC, whitespace left out. */
export const squash = (s: string): string => foldCompatibility(s).normalize('NFKC').replace(/\s+/g, '');

/**
 * How `text`'s line breaks (pages joined by form feeds) fall against the twin's paragraphs:
 * `inner`, breaks strictly inside a paragraph (a wrap left unjoined); `lost`, paragraph ends with
 * no break in `text` (two paragraphs glued); `cjk`, the twin's CJK characters. Each break is
 * placed in the twin by the 6 characters either side of it; a break whose context is not found
 * exactly once there is not counted (character F1 covers text that differs).
 */
export function breaksAgainst(text: string, paragraphs: string[]): { inner: number; lost: number; boundaries: number; cjk: number; samples: string[] } {
  const joined = paragraphs.map(squash);
  const twin = joined.join('');
  const inside = new Uint8Array(twin.length + 1); // 1 where a position is strictly inside a paragraph
  const ends = new Set<number>();
  let at = 0;
  for (const p of joined) {
    for (let i = at + 1; i < at + p.length; i++) inside[i] = 1;
    at += p.length;
    if (at < twin.length) ends.add(at);
  }
  let inner = 0;
  const samples: string[] = [];
  const placed = new Set<number>();
  // Page breaks (\f) are where a page ends, not a break in the text: only line breaks count.
  const lines = foldCompatibility(text).split('\n');
  let before = '';
  for (let i = 0; i < lines.length - 1; i++) {
    before += squash(lines[i]!);
    const after = squash(lines.slice(i + 1, i + 3).join(''));
    const context = before.slice(-6) + after.slice(0, 6);
    const hit = twin.indexOf(context);
    if (hit < 0 || twin.indexOf(context, hit + 1) >= 0) continue;
    const place = hit + Math.min(6, before.length);
    placed.add(place);
    if (inside[place]) {
      inner++;
      if (samples.length < 5) samples.push(`${before.slice(-6)}⏎${after.slice(0, 6)}`);
    }
  }
  let lost = 0;
  for (const end of ends) {
    if (placed.has(end)) continue;
    lost++;
    if (samples.length < 5) samples.push(`${twin.slice(end - 6, end)}∅${twin.slice(end, end + 6)}`);
  }
  return { inner, lost, boundaries: ends.size, cjk: (twin.match(CJK) ?? []).length, samples };
}
