/**
 * End to end in Debian Chromium: importing from the browser. Files picked with the file picker
 * and files dropped on the window are sent to the web host, imported with progress shown, and
 * listed with their kind, site and date; the kind filter and the sort work on them; the list
 * shows reading progress once a document has been read. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { serve } from '../support/cli';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const SHOTS = join(process.cwd(), 'test-results');

describe('importing from the browser', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  const errors: string[] = [];

  beforeAll(async () => {
    const root = await tempDir('e2e-import-');
    server = await serve(join(root, 'library'), { YANDU_DOWNLOADS: join(root, 'no-downloads') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports picked files with progress, then lists them', async () => {
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('file-input').setInputFiles([join(SHARED, 'fixtures', 'beichen-article.html'), join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf')]);
    await page.getByTestId('import-progress').waitFor();
    expect(await page.getByTestId('import-progress').innerText()).toMatch(/正在导入[\s\S]*\/ 2/);
    await page.locator('.toast', { hasText: '新增 2 篇' }).waitFor({ timeout: 120_000 });
    await page.getByTestId('import-progress').waitFor({ state: 'detached' });
    expect(await page.getByTestId('doc-row').count()).toBe(2);
    const article = page.getByTestId('doc-row').filter({ hasText: '整治“指尖上的形式主义”' });
    expect(await article.innerText()).toMatch(/文章[\s\S]*北辰遴选[\s\S]*2024-09-03/);
    expect(await page.getByTestId('doc-row').filter({ hasText: 'PDF' }).innerText()).toMatch(/251 页/);
  }, 180_000);

  it('imports files dropped on the window, and filters and sorts the list', async () => {
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['数字政府建设笔记\n推进数字政府建设，拖放导入。'], '数字政府建设笔记.txt', { type: 'text/plain' }));
      dt.items.add(new File(['基层减负笔记\n为基层减负，拖放导入。'], '基层减负笔记.md', { type: 'text/markdown' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt }));
      (window as unknown as { dropped: DataTransfer }).dropped = dt;
    });
    await page.getByTestId('drop-sheet').waitFor();
    await page.screenshot({ path: join(SHOTS, 'library-drop.png') });
    await page.evaluate(() => window.dispatchEvent(new DragEvent('drop', { dataTransfer: (window as unknown as { dropped: DataTransfer }).dropped })));
    await page.getByTestId('drop-sheet').waitFor({ state: 'detached' });
    await page.locator('.toast', { hasText: '新增 2 篇' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('doc-row').count()).toBe(4);
    expect(await page.getByTestId('doc-count').innerText()).toBe('共 4 篇');

    await page.getByTestId('filter-kind').selectOption('text');
    await expect.poll(() => page.getByTestId('doc-row').count()).toBe(2);
    expect(await page.getByTestId('doc-count').innerText()).toBe('显示 2 篇 / 共 4 篇');
    await page.getByTestId('sort-key').selectOption('title');
    await page.getByTestId('sort-direction').click(); // ascending: 基 (jī) before 数 (shù)
    expect(await page.locator('.title-cell a').allInnerTexts()).toEqual(['基层减负笔记', '数字政府建设笔记']);
    await page.getByTestId('sort-direction').click();
    expect(await page.locator('.title-cell a').allInnerTexts()).toEqual(['数字政府建设笔记', '基层减负笔记']);
    await page.getByTestId('filter-kind').selectOption('');
  });

  it('shows how far each document has been read', async () => {
    await page.getByTestId('sort-key').selectOption('added');
    const pdfRow = page.getByTestId('doc-row').filter({ hasText: 'PDF' });
    expect(await pdfRow.getByTestId('doc-progress').innerText()).toBe('未读');
    await pdfRow.locator('.title-cell a').click();
    await page.waitForSelector('[data-testid=pdf-scroller][data-drawn]');
    await page.getByTestId('pdf-page-input').fill('98'); // printed 98: the 126th page of 251
    await page.getByTestId('pdf-page-input').press('Enter');
    await page.waitForTimeout(1500);
    await page.getByTestId('nav-library').click();
    await expect.poll(() => pdfRow.getByTestId('doc-progress').innerText()).toBe('50%');
    await page.screenshot({ path: join(SHOTS, 'library.png') });
  });

  it('ran without page errors', () => {
    expect(errors).toEqual([]);
  });
});
