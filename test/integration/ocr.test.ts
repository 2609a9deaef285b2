/**
 * OCR of scanned PDFs, end to end in core: real 人民日报 commentaries printed to PDF, drawn by
 * poppler at 150 and 300 dpi and rebuilt as image-only PDFs (`support/scan-pdf.ts`), imported
 * and read in the background by the OCR worker. The text is compared with `pdftotext` of the
 * original pages (not with anything Yandu read); search finds the truth's phrases on the right
 * page; the reader's layer gives the same text as stored; a mixed PDF has only its textless page
 * read; highlights anchor on OCR text and survive a restart; a paused queue goes on after a
 * restart without reading a page twice. The articles are from the part of the corpus not used
 * to choose OCR's settings (the benchmark's tuning part is the first ten).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { pageTextOf } from '../../electron/core/ocr/layer';
import { ocrPathOf } from '../../electron/core/ocr/ocr-store';
import { joinPages } from '../../electron/shared/pages';
import { charF1, pdfText, scannedPdf } from '../support/scan-pdf';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const PDFS = join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'pdf');
const article = (day: string): string => join(PDFS, readdirSync(PDFS).find((f) => f.startsWith(day))!);

/** Until every document with pages to read has read them (or the time is up). */
async function ocrDone(core: Core, ms = 240_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const docs = await core.api.listDocuments({});
    const status = await core.api.ocrStatus({});
    if (status.state === 'idle' && docs.every((d) => !d.ocr || d.ocr.done >= d.ocr.total)) return;
    if (Date.now() > until) throw new Error(`OCR not done: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first eight characters of each run of at least eight Chinese characters in the truth (its line breaks closed up). */
const phrasesOf = (truth: string): string[] =>
  truth
    .replace(/\s*\n\s*/g, '')
    .normalize('NFKC')
    .split(/[^\u4e00-\u9fff]+/)
    .filter((run) => run.length >= 8)
    .map((run) => run.slice(0, 8));

describe('OCR of scanned PDFs', () => {
  it('reads scanned and mixed PDFs into text that search, the reader’s layer and highlights use', async () => {
    const root = await tempDir('ocr-');
    const family = article('20180716'); // 让家政业成为爱心工程
    const books = article('20180724'); // 重新激活实体书店
    await writeFile(join(root, 'scan-150.pdf'), scannedPdf(family, { dpi: 150, first: 1, last: 2 }));
    // Mixed: page 1 the original (a text layer), page 2 scanned at 300 dpi.
    await writeFile(join(root, 'scan-books.pdf'), scannedPdf(books, { dpi: 300, first: 2, last: 2 }));
    execFileSync('qpdf', ['--empty', '--pages', books, '1', join(root, 'scan-books.pdf'), '1', '--', join(root, 'mixed.pdf')]);

    let core = await createCore({ libraryDir: join(root, 'library'), ocr: true });
    const added = await core.api.addPaths({ paths: [join(root, 'scan-150.pdf'), join(root, 'mixed.pdf')] });
    expect(added.added).toHaveLength(2);
    const docs = await core.api.listDocuments({});
    const scan = docs.find((d) => d.sourcePath?.endsWith('scan-150.pdf'))!;
    const mixed = docs.find((d) => d.sourcePath?.endsWith('mixed.pdf'))!;
    expect(scan.scanned).toBe(true);
    expect(mixed.scanned).toBeUndefined();
    expect(mixed.ocr).toEqual({ done: 0, total: 1 });
    const mixedPage1 = (await core.api.getDocument({ id: mixed.id })).pages![0];
    await ocrDone(core);

    // Accuracy against poppler's reading of the original pages (CJK character F1).
    const scanText = (await core.api.getDocument({ id: scan.id })).pages!;
    for (const n of [1, 2]) expect(charF1(pdfText(family, n), scanText[n - 1]!).f1, `150 dpi page ${n}`).toBeGreaterThanOrEqual(0.95);
    const mixedText = (await core.api.getDocument({ id: mixed.id })).pages!;
    expect(mixedText[0]).toBe(mixedPage1); // the page with text is not read again
    expect(charF1(pdfText(books, 2), mixedText[1]!).f1, '300 dpi page').toBeGreaterThanOrEqual(0.97);
    expect((await core.api.listDocuments({})).find((d) => d.id === mixed.id)!.ocr).toEqual({ done: 1, total: 1 });

    // Search finds the truth's own phrases, on their page.
    const phrases = phrasesOf(pdfText(family, 2));
    let found = 0;
    for (const phrase of phrases) {
      const { matches } = await core.api.locate({ id: scan.id, query: phrase });
      if (matches.some((m) => m.page === 2)) found++;
    }
    expect(found / phrases.length).toBeGreaterThanOrEqual(0.8);
    const hits = await core.api.search({ query: phrases[1]! });
    expect(hits.hits.map((h) => h.docId)).toContain(scan.id);

    // The reader's layer: its items give the stored text of the page, as for a text PDF.
    const layer = await core.api.ocrLayer({ id: scan.id });
    expect(Object.keys(layer).sort()).toEqual(['1', '2']);
    expect(`${pageTextOf(layer['1']!).text}\n`).toBe(scanText[0]);
    expect(layer['1']!.every((item) => item.transform[4]! >= 0 && item.transform[5]! > 0 && item.width > 0)).toBe(true);

    // A highlight on OCR text stays through a restart.
    const text = joinPages((await core.api.getDocument({ id: scan.id })).pages!);
    const quote = text.slice(text.indexOf('\f') + 20, text.indexOf('\f') + 36);
    const start = text.indexOf(quote);
    const h = await core.api.addHighlight({ docId: scan.id, start, end: start + quote.length, color: 'yellow' });
    expect(h.at?.page).toBe(2);
    await core.close();
    core = await createCore({ libraryDir: join(root, 'library'), ocr: true });
    const [kept] = await core.api.listHighlights({ docId: scan.id });
    expect(kept!.target.selector[0].exact).toBe(quote);
    expect(kept!.status ?? 'exact').toBe('exact');
    await core.close();
  }, 300_000);

  it('goes on after a restart from the pages already read, and reads a document asked for with automatic OCR off', async () => {
    const root = await tempDir('ocr-resume-');
    const source = article('20180820-依法打击'); // 依法打击挑战底线的“网络害虫”
    await writeFile(join(root, 'scan.pdf'), scannedPdf(source, { dpi: 150, first: 1, last: 2 }));
    let core = await createCore({ libraryDir: join(root, 'library'), ocr: true });
    let asked = false;
    const paused = new Promise<void>((resolve) =>
      core.on((event) => {
        if (event.type === 'ocr.progress' && event.status.current?.done === 1 && !asked) {
          asked = true;
          void core.api.ocrControl({ action: 'pause' }).then(() => resolve());
        }
      }),
    );
    await core.api.addPaths({ paths: [join(root, 'scan.pdf')] });
    await paused;
    const [doc] = await core.api.listDocuments({});
    expect((await core.api.ocrStatus({})).state).toBe('paused');
    await core.close();

    // Reopened: it goes on with page 2 only.
    core = await createCore({ libraryDir: join(root, 'library'), ocr: true });
    await ocrDone(core);
    const lines = (await readFile(ocrPathOf(join(root, 'library'), doc!.id), 'utf8')).trim().split('\n').slice(1);
    expect(lines.map((l) => (JSON.parse(l) as { n: number }).n)).toEqual([1, 2]);
    const pages = (await core.api.getDocument({ id: doc!.id })).pages!;
    for (const n of [1, 2]) expect(charF1(pdfText(source, n), pages[n - 1]!).f1).toBeGreaterThanOrEqual(0.95);

    // Automatic OCR off: a new scan waits until it is asked for.
    await core.api.setPreferences({ autoOcr: false });
    await writeFile(join(root, 'later.pdf'), scannedPdf(source, { dpi: 150, first: 2, last: 2 }));
    await core.api.addPaths({ paths: [join(root, 'later.pdf')] });
    const later = (await core.api.listDocuments({})).find((d) => d.sourcePath?.endsWith('later.pdf'))!;
    expect(await core.api.ocrStatus({})).toMatchObject({ state: 'idle', auto: false, queued: 0 });
    await expect(core.api.ocrDocument({ id: later.id, action: 'start' })).resolves.toMatchObject({ auto: false });
    await ocrDone(core);
    expect(charF1(pdfText(source, 2), joinPages((await core.api.getDocument({ id: later.id })).pages!)).f1).toBeGreaterThanOrEqual(0.95);
    await core.close();
  }, 300_000);

  it('reads a real scanned book page (strips of CCITT pictures) into text with what a reader sees on it', async () => {
    const root = await tempDir('ocr-book-');
    const core = await createCore({ libraryDir: join(root, 'library'), ocr: true });
    await core.api.addPaths({ paths: [join(SHARED, 'corpus', 'pdf', 'scanned-image-only.pdf')] });
    await ocrDone(core);
    const [doc] = await core.api.listDocuments({});
    expect(doc!.ocr).toEqual({ done: 2, total: 2 });
    const page1 = (await core.api.getDocument({ id: doc!.id })).pages![0]!;
    // Read by hand off the page's picture (drawn by poppler), not taken from OCR's output.
    for (const phrase of ['商品和货币', '物的有用性使物成为使用价值', '商品体本身', '交换价值首先表现为量的关系']) expect(page1).toContain(phrase);
    const { hits } = await core.api.search({ query: '使用价值' });
    expect(hits.map((h) => h.docId)).toContain(doc!.id);
    await core.close();
  }, 300_000);
});
