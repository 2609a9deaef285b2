/**
 * PDF text as the candidate reads it, measured against truths Yandu did not produce: the 30
 * 人民日报 commentaries printed to PDF by a browser, each beside the HTML of the same article
 * (`../shared/corpus/html/rmrb-commentary/`), and poppler's pdftotext, which keeps the PDF's
 * visual line and page breaks. Imported through core (worker threads), as a user's PDFs are.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { foldCompatibility } from '../../electron/core/import/pdf/text';
import { charF1 } from '../support/quality';
import { tempDir } from '../support/tmp';
import { breaksAgainst, RMRB, squash, twinNames, twinOf } from '../support/twins';

const names = twinNames();
const HAN = /^[\u4e00-\u9fff]+$/;

/** pdftotext's pages of a PDF, each a list of its lines (its own reading, visual breaks kept). */
function popplerLines(path: string): string[][] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim()).map((page) => page.split('\n').map(squash).filter(Boolean));
}

/** Is the junction `before|after` inside one of the twin's paragraphs? */
const insideParagraph = (paragraphs: string[], before: string, after: string): boolean => paragraphs.map(squash).some((p) => p.includes(before + after));

describe('browser-printed PDFs against their HTML twins', () => {
  let core: Core;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    expect(names).toHaveLength(30);
    const dir = await tempDir('twins-');
    core = await createCore({ libraryDir: join(dir, 'library') });
    const report = await core.api.addPaths({ paths: names.map((n) => join(RMRB, 'pdf', `${n}.pdf`)) });
    expect(report.failed).toEqual([]);
    for (const added of report.added) ids.set(added.path.replace(/^.*\//, '').replace(/\.pdf$/, ''), added.id);
  }, 240_000);
  afterAll(() => core?.close());

  it('stores each PDF’s text as its twin reads: char-F1 ≥ 0.99, at most 1 break per 10,000 CJK characters inside a paragraph', async () => {
    const report: string[] = [];
    let lost = 0;
    let boundaries = 0;
    for (const name of names) {
      const doc = await core.api.getDocument({ id: ids.get(name)! });
      const text = doc.pages!.join('\f');
      const twin = twinOf(name);
      const { f1 } = charF1(foldCompatibility(text).normalize('NFKC'), [twin.title, ...twin.paragraphs].join('\n').normalize('NFKC'));
      const b = breaksAgainst(text, twin.paragraphs);
      lost += b.lost;
      boundaries += b.boundaries;
      if (f1 < 0.99 || (b.inner / b.cjk) * 1e4 > 1) report.push(`${name}: F1 ${f1.toFixed(3)}, ${b.inner} inner breaks: ${b.samples.join(' ')}`);
    }
    expect(report).toEqual([]);
    // And paragraphs stay apart: no more than 2% of the twins' paragraph ends lost.
    expect(lost).toBeLessThanOrEqual(Math.floor(boundaries * 0.02));
  }, 60_000);

  it('finds phrases that pdftotext shows split by a line wrap or a page break, on the page where they start', async () => {
    const wraps: { name: string; phrase: string }[] = [];
    const pageBreaks: { name: string; phrase: string; page: number }[] = [];
    for (const name of names) {
      const { paragraphs } = twinOf(name);
      const pages = popplerLines(join(RMRB, 'pdf', `${name}.pdf`));
      pages.forEach((lines, p) => {
        lines.forEach((line, l) => {
          const next = lines[l + 1] ?? (l === lines.length - 1 ? pages[p + 1]?.[0] : undefined);
          if (!next) return;
          const [before, after] = [line.slice(-2), next.slice(0, 2)];
          if (!HAN.test(before + after) || !insideParagraph(paragraphs, before, after)) return;
          if (l === lines.length - 1) pageBreaks.push({ name, phrase: before + after, page: p + 1 });
          else if (wraps.filter((w) => w.name === name).length < 2) wraps.push({ name, phrase: before + after });
        });
      });
    }
    expect(wraps.length).toBeGreaterThanOrEqual(40);
    expect(pageBreaks.length).toBeGreaterThanOrEqual(5);
    const missed: string[] = [];
    for (const { name, phrase } of wraps) {
      const { hits } = await core.api.search({ query: phrase, limit: 50 });
      if (!hits.some((h) => h.docId === ids.get(name))) missed.push(`${phrase} (${name})`);
    }
    for (const { name, phrase, page } of pageBreaks) {
      const { hits } = await core.api.search({ query: phrase, limit: 50 });
      const pages = hits.filter((h) => h.docId === ids.get(name)).map((h) => h.page);
      if (!pages.includes(page)) missed.push(`${phrase} on page ${page} (${name}): found on ${pages.join(',') || 'no page'}`);
      // The reader finds it too, once, starting on that page.
      const { matches } = await core.api.locate({ id: ids.get(name)!, query: phrase });
      if (!matches.some((m) => m.page === page && m.next?.page === page + 1)) missed.push(`${phrase}: the reader does not mark it over pages ${page}–${page + 1}`);
    }
    expect(missed).toEqual([]);
  }, 60_000);
});
