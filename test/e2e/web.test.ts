/**
 * End to end in Debian Chromium: the web host started as `yandu serve`, a document added with
 * the CLI while the page is open, search, reader, delete with undo, language switch.
 * Screenshots go to test-results/.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_DIR } from '../../electron/web/cli/run';
import { launchChromium } from '../support/chromium';
import { serve, yandu } from '../support/cli';
import { SHARED } from '../support/shared';
import { writeNotes } from '../support/fixtures';
import { tempDir } from '../support/tmp';

const SHOTS = join(process.cwd(), 'test-results');

describe('web UI in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let library: string;
  let notes: Awaited<ReturnType<typeof writeNotes>>;
  let downloads: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('e2e: run `npm run build` first (out/renderer is missing).');
    await mkdir(SHOTS, { recursive: true });
    const root = await tempDir('e2e-');
    library = join(root, 'library');
    notes = await writeNotes(root);
    downloads = join(root, 'Downloads');
    await mkdir(downloads);
    await copyFile(join(SHARED, 'corpus', 'pdf', 'research-report.pdf'), join(downloads, '研报.pdf'));
    server = await serve(library, { YANDU_DOWNLOADS: downloads });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the empty library with what to do next', async () => {
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').innerText()).toContain('资料库还是空的');
    expect(await page.locator('button', { hasText: '导入文件或文件夹' }).count()).toBe(1);
    await page.getByTestId('watch-downloads').waitFor();
    expect(await page.getByTestId('empty-state').innerText()).toContain(downloads);
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: join(SHOTS, 'library-empty.png') });
  });

  it('watches the download folder on first run, and imports what is there', async () => {
    await page.getByTestId('watch-downloads').click();
    await page.getByTestId('doc-row').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('doc-row').first().innerText()).toContain('PDF');
    await page.getByTestId('doc-row').first().locator('button', { hasText: '删除' }).click();
    await page.getByTestId('empty-state').waitFor();
  });

  it('shows a document added with the CLI without a reload', async () => {
    const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));
    const run = await yandu(['add', notes.folder, '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    await page.getByTestId('doc-row').nth(2).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('doc-row').count()).toBe(3);
    expect(await page.getByTestId('doc-count').innerText()).toBe('共 3 篇');
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);
    await page.screenshot({ path: join(SHOTS, 'library.png') });
  });

  it('searches from Ctrl+K with matches marked, and opens a hit in the reader', async () => {
    await page.keyboard.press('Control+K');
    const input = page.getByTestId('search-input');
    await input.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await input.pressSequentially('基层减负');
    await page.getByTestId('search-total').waitFor();
    expect(await page.getByTestId('search-total').innerText()).toBe('找到 3 条结果');
    const marks = await page.getByTestId('search-hits').locator('mark').allInnerTexts();
    expect(marks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(marks)).toEqual(new Set(['基层减负']));
    await page.screenshot({ path: join(SHOTS, 'search.png') });
    // Dates typed as candidates type them; a date that is not one is flagged and not sent.
    await page.getByTestId('filter-from').fill('2030年1月');
    await page.getByText('没有找到包含「基层减负」的资料。').waitFor();
    await page.getByTestId('filter-from').fill('明年');
    expect(await page.getByTestId('filter-from').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('search-total').filter({ hasText: '找到 3 条结果' }).waitFor();
    await page.getByTestId('filter-from').fill('');

    await page.locator('.hit-title', { hasText: '整治“指尖上的形式主义”' }).click();
    await page.getByTestId('reader').waitFor();
    expect(await page.locator('.reader h1').innerText()).toBe('整治“指尖上的形式主义”');
    expect(await page.getByTestId('reader').innerText()).toContain('形式主义向来是推动党和国家事业发展的大敌');
    await page.screenshot({ path: join(SHOTS, 'reader.png') });
  });

  it('deletes with undo', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('doc-row').first().waitFor();
    const title = await page.locator('.title-cell a').first().innerText();
    await page.getByTestId('doc-row').first().locator('button', { hasText: '删除' }).click();
    await page.locator('.toast', { hasText: `已删除《${title}》` }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 2);
    await page.locator('.toast button', { hasText: '撤销' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 3);
    expect(await page.locator('.title-cell a', { hasText: title }).count()).toBe(1);
  });

  it('gives every page an empty state or content, and switches to English', async () => {
    for (const [nav, text] of [['highlights', '还没有标注'], ['reader', '还没有打开任何资料']] as const) {
      await page.goto(`${new URL(server.url).origin}/#/${nav === 'reader' ? 'read' : nav}`);
      await page.getByTestId('empty-state').waitFor();
      expect(await page.getByTestId('empty-state').innerText()).toContain(text);
    }
    // 专题 lists the built-in topics with their coverage, and says what to do.
    await page.goto(`${new URL(server.url).origin}/#/topics`);
    await page.getByTestId('topic-row').first().waitFor();
    expect(await page.locator('.topics-page').innerText()).toContain('按考试专题整理资料');
    expect(await page.getByTestId('topic-row').count()).toBeGreaterThan(40);
    await page.getByTestId('nav-sync').click();
    // The download folder watched on first run is listed as a source.
    await page.getByTestId('source-card').filter({ hasText: 'Downloads' }).waitFor();
    await page.locator('button', { hasText: '全部同步' }).click();
    await page.getByTestId('sync-report').waitFor();
    // The three notes and the deleted download (which stays deleted).
    expect(await page.getByTestId('sync-report').innerText()).toContain('新增 0，更新 0，未变 4');

    // Add the notes folder as a watched folder, chosen in the app's folder picker (a browser
    // cannot give a folder's path), and sync it from its card.
    await page.getByTestId('add-source-browse').click();
    const picker = page.getByTestId('folder-picker');
    await picker.waitFor();
    await page.getByTestId('folder-path').fill(dirname(notes.folder));
    await page.getByTestId('folder-path').press('Enter');
    await page.getByTestId('folder-entry').filter({ hasText: basename(notes.folder) }).click();
    await expect.poll(() => page.getByTestId('folder-path').inputValue()).toBe(notes.folder);
    expect(await page.getByTestId('folder-documents').innerText()).toBe('此处有 2 个可导入的文件（子文件夹另计）'); // the .md and the GBK .txt; not .hidden.md
    await page.screenshot({ path: join(SHOTS, 'folder-picker.png') });
    await page.getByTestId('folder-up').click();
    await expect.poll(() => page.getByTestId('folder-path').inputValue()).toBe(dirname(notes.folder));
    await page.getByTestId('folder-entry').filter({ hasText: basename(notes.folder) }).click();
    await page.getByTestId('folder-choose').click();
    await picker.waitFor({ state: 'detached' });
    expect(await page.getByTestId('add-source-target').inputValue()).toBe(notes.folder);
    await page.getByTestId('add-source').locator('button', { hasText: '添加' }).click();
    const card = page.getByTestId('source-card').filter({ hasText: 'notes' });
    await card.waitFor();
    await card.locator('button', { hasText: '同步' }).first().click();
    await card.locator('summary', { hasText: '同步记录' }).waitFor();
    await card.locator('summary').click();
    expect(await card.innerText()).toMatch(/未变 3/);
    expect(await card.innerText()).toContain('3 篇资料');
    await page.screenshot({ path: join(SHOTS, 'sync.png'), fullPage: true });

    await page.locator('button', { hasText: 'English' }).click();
    await page.getByTestId('nav-library').click();
    expect(await page.getByTestId('nav-library').innerText()).toContain('Library');
    expect(await page.getByTestId('doc-count').innerText()).toBe('3 documents');
    await page.locator('button', { hasText: '中文' }).click();
  });

  it('ran without page errors', () => {
    expect(pageErrors, pageErrors.join("\n")).toEqual([]);
  });
});
