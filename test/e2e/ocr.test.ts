/**
 * End to end in Debian Chromium: a scanned PDF (a real commentary drawn by poppler and rebuilt
 * with pictures only) in the web host with OCR on. With automatic OCR off it waits; 识别文字 in
 * the reader reads it, the banner following page by page; then its pages have a text layer:
 * search hits are marked in it, text can be selected and highlighted, and the library row says
 * OCR. Screenshots in test-results/ (light and dark).
 */
import { writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary, Highlight, ImportReport } from '../../electron/shared/types';
import { launchChromium, pageApi } from '../support/chromium';
import { serve } from '../support/cli';
import { scannedPdf } from '../support/scan-pdf';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const SHOTS = join(process.cwd(), 'test-results');
const PDFS = join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'pdf');

describe('OCR in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let scanPath: string;
  const errors: string[] = [];
  const api = <T,>(method: string, args: object): Promise<T> => pageApi(page)<T>(method, args);

  beforeAll(async () => {
    const root = await tempDir('e2e-ocr-');
    scanPath = join(root, '网络平台-扫描件.pdf');
    await writeFile(scanPath, scannedPdf(join(PDFS, readdirSync(PDFS).find((f) => f.startsWith('20180827'))!), { dpi: 150, first: 1, last: 2 }));
    server = await serve(join(root, 'library'), { YANDU_OCR: '1', YANDU_DOWNLOADS: join(root, 'none') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('waits with automatic OCR off, reads the file when asked, and gives its pages a text layer to search and highlight', async () => {
    await api('setPreferences', { autoOcr: false });
    const report = await api<ImportReport>('addPaths', { paths: [scanPath] });
    const id = report.added[0]!.id;
    await page.goto(`${new URL(server.url).origin}/#/read/${id}`);
    const banner = page.getByTestId('ocr-banner');
    await expect.poll(() => banner.innerText()).toContain('还没有识别文字');
    await page.screenshot({ path: join(SHOTS, 'ocr-not-read.png') });
    expect(await page.locator('.textLayer span').count()).toBe(0);

    await page.getByTestId('ocr-start').click();
    await expect.poll(() => banner.innerText(), { timeout: 60_000 }).toMatch(/正在识别文字：第 \d 页/);
    await page.screenshot({ path: join(SHOTS, 'ocr-reading.png') });
    await expect.poll(() => banner.innerText(), { timeout: 180_000 }).toContain('由 OCR 识别');
    // Page 1 now has a text layer made of what OCR read.
    await expect.poll(() => page.locator('.pdf-page[data-page="1"] .textLayer span').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await page.locator('.pdf-page[data-page="1"] .textLayer').innerText()).toContain('网络平台');

    // Search marks the hit on the scanned page.
    await page.goto(`${new URL(server.url).origin}/#/read/${id}?q=${encodeURIComponent('资本思维')}`);
    await page.locator('.textLayer mark.current').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.textLayer mark.current').first().innerText()).toBe('资本思维');
    await page.screenshot({ path: join(SHOTS, 'ocr-search.png') });

    // Select the phrase in the layer's text (as a drag would) and highlight it: anchored on the OCR text.
    await page.goto(`${new URL(server.url).origin}/#/read/${id}`);
    await page.waitForSelector('.pdf-page[data-page="1"][data-drawn]');
    const selected = await page.evaluate((phrase) => {
      const walker = document.createTreeWalker(document.querySelector('.pdf-page[data-page="1"] .textLayer')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + phrase.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return true;
      }
      return false;
    }, '资本思维');
    expect(selected).toBe(true);
    await page.getByTestId('highlight-toolbar').waitFor();
    await page.keyboard.press('h');
    await page.locator('.textLayer mark.hl').first().waitFor();
    const [h] = await api<Highlight[]>('listHighlights', { docId: id });
    expect(h!.target.selector[0].exact).toBe('资本思维');
    await page.screenshot({ path: join(SHOTS, 'ocr-highlight.png') });

    // The library says its text is OCR's.
    await page.getByTestId('nav-library').click();
    await page.getByTestId('doc-ocr').first().waitFor();
    expect(await page.getByTestId('doc-ocr').first().innerText()).toBe('OCR 文字');
    const docs = await api<DocumentSummary[]>('listDocuments', {});
    expect(docs.find((d) => d.id === id)!.ocr).toEqual({ done: 2, total: 2 });
    await page.getByTestId('theme-switch').click(); // 浅色
    await page.getByTestId('theme-switch').click(); // 深色
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('settings-ocr-status').waitFor();
    expect(await page.getByTestId('settings-auto-ocr').isChecked()).toBe(false);
    await page.getByTestId('settings-ocr-status').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'ocr-settings-dark.png') });
    await page.getByTestId('theme-switch').click();
    expect(errors).toEqual([]);
  }, 300_000);
});
