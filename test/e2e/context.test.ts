/**
 * End to end in Debian Chromium: pages keep their context. The document open in 阅读 and the
 * query of 搜索 are where the user left them when they come back by the sidebar or Alt+1…6.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { serve, yandu } from '../support/cli';
import { tempDir } from '../support/tmp';

describe('pages keep their context', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  const errors: string[] = [];

  beforeAll(async () => {
    const root = await tempDir('e2e-context-');
    const library = join(root, 'library');
    const added = await yandu(['add', join(import.meta.dirname, '..', '..', 'resources', 'sample'), '--library', library]);
    expect(added.code, added.stderr).toBe(0);
    server = await serve(library, { YANDU_DOWNLOADS: join(root, 'none') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('returns to the open document and to the last search', async () => {
    const row = page.getByTestId('doc-row').first();
    await row.waitFor();
    const title = (await row.locator('a').first().getAttribute('title'))!;
    await row.locator('a').first().click();
    await expect.poll(() => page.url()).toContain('#/read/');
    const reading = page.url().split('#')[1]!;
    await expect.poll(() => page.locator('main').innerText()).toContain(title);

    await page.getByTestId('nav-library').click();
    await page.getByTestId('doc-row').first().waitFor();
    await page.getByTestId('nav-reader').click();
    await expect.poll(() => page.url().split('#')[1]).toBe(reading);
    await expect.poll(() => page.locator('main').innerText()).toContain(title);

    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('基层减负');
    await page.getByTestId('search-total').waitFor();
    await page.getByTestId('nav-highlights').click();
    await expect.poll(() => page.url()).toContain('#/highlights');
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-total').waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('基层减负');
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'search-kept.png') });

    // The shortcut goes back to the document too.
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.url().split('#')[1]).toBe(reading);
    expect(errors).toEqual([]);
  });

  it('shows a PDF once in the results, by its best page, with its other pages on request', async () => {
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('遴选');
    const total = page.getByTestId('search-total');
    await expect.poll(() => total.innerText().catch(() => '')).toMatch(/篇资料，共 \d+ 处/);
    const pdf = page.getByTestId('search-hit').filter({ has: page.getByTestId('hit-more') });
    expect(await pdf.count()).toBe(1);
    const titles = await page.getByTestId('search-hit').locator('.hit-title').allInnerTexts();
    expect(new Set(titles).size).toBe(titles.length); // each document once
    expect(await page.getByTestId('search-hit-more').count()).toBe(0);
    await pdf.getByTestId('hit-more').click();
    await expect.poll(() => page.getByTestId('search-hit-more').count()).toBeGreaterThan(0);
    const pages = await page.getByTestId('search-hit-more').locator('.tag').allInnerTexts();
    expect(pages.every((p) => /^第 \d+ 页$/.test(p))).toBe(true);
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'search-by-document.png') });
    await pdf.getByTestId('hit-more').click();
    await expect.poll(() => page.getByTestId('search-hit-more').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows 继续阅读 on the library: the documents read last, where they were left, one click back', async () => {
    await page.getByTestId('nav-library').click();
    const row = page.getByTestId('doc-row').filter({ hasText: '数字政府' }).first();
    await row.waitFor();
    const title = (await row.locator('a').first().getAttribute('title'))!;
    await row.locator('a').first().click();
    await expect.poll(() => page.locator('main').innerText()).toContain(title);
    const reading = page.url().split('#')[1]!;
    const scroller = page.getByTestId('reader-scroll');
    await expect.poll(() => scroller.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(20);
    await scroller.evaluate((el) => el.scrollBy(0, (el.scrollHeight - el.clientHeight) / 2));
    await page.waitForTimeout(1500); // the reader saves where it is at most once a second
    await page.getByTestId('nav-library').click();
    const card = page.getByTestId('continue-card').filter({ hasText: title });
    await card.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('continue-card').first().innerText()).toContain(title); // the last read first
    expect(await card.locator('.continue-bar > span').evaluate((el) => parseFloat((el as HTMLElement).style.width))).toBeGreaterThan(2);
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'continue-reading.png') });
    await card.click();
    await expect.poll(() => page.url().split('#')[1]).toBe(reading);
    expect(errors).toEqual([]);
  });

  it('offers the 提法 one character away when a query has no hits', async () => {
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('形试主义');
    const option = page.getByTestId('did-you-mean-option');
    await option.first().waitFor();
    expect(await option.allInnerTexts()).toEqual(['形式主义']);
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'did-you-mean.png') });
    await option.first().click();
    await page.getByTestId('search-total').waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('形式主义');
    expect(await page.getByTestId('search-hits').innerText()).toContain('形式主义');
    expect(errors).toEqual([]);
  });

  it('keeps the recent searches that found something, newest first, one click to repeat', async () => {
    const stored = (): Promise<string[]> => page.evaluate(() => JSON.parse(localStorage.getItem('yandu.searchHistory') ?? '[]') as string[]);
    await page.getByTestId('nav-search').click();
    // The last search's results (形式主义) stayed on screen: it is remembered.
    await expect.poll(stored, { timeout: 10_000 }).toContain('形式主义');
    // Typed letter by letter, then read a moment: only the whole query is remembered.
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('search-input').pressSequentially('基层减负', { delay: 250 });
    await page.getByTestId('search-total').waitFor();
    await expect.poll(async () => (await stored())[0], { timeout: 10_000 }).toBe('基层减负');
    await page.getByTestId('search-input').fill('');
    const items = page.getByTestId('search-history-item');
    await items.first().waitFor();
    const recent = await items.allInnerTexts();
    expect(recent.slice(0, 2)).toEqual(['基层减负', '形式主义']);
    expect(recent).not.toContain('形试主义'); // it found nothing
    expect(recent.filter((q) => q.startsWith('基层')).length).toBe(1); // not every prefix typed
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'search-history.png') });
    await items.filter({ hasText: '基层减负' }).click();
    await page.getByTestId('search-total').waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('基层减负');
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('search-history-clear').click();
    await expect.poll(() => page.getByTestId('search-history').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('finds Simplified text from a Traditional query, and marks it in the snippet and the reader', async () => {
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('指尖上的形式主義');
    await page.getByTestId('search-total').waitFor();
    const marked = await page.getByTestId('search-hits').locator('mark').allInnerTexts();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((m) => m.replace(/\s/g, '') === '指尖上的形式主义')).toBe(true);
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'search-traditional.png') });
    await page.getByTestId('search-hit').first().locator('.hit-title').click();
    const inReader = page.locator('.reader-body mark[data-mark]');
    await inReader.first().waitFor();
    expect((await inReader.allInnerTexts()).join('')).toContain('指尖上的形式主义');
    expect(errors).toEqual([]);
  });

  it('shows every shortcut on "?", not while typing, and closes on Escape', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('doc-row').first().waitFor();
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    for (const keys of ['Ctrl+K', 'Alt+1 … 8', 'Ctrl+F', 'H']) expect(text).toContain(keys);
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'shortcuts.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    // Typed into a box, "?" is just a character.
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('search-input').press('?');
    expect(await sheet.count()).toBe(0);
    // And the sidebar opens it too.
    await page.getByTestId('open-shortcuts').click();
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('themes the whole app: the system\'s by default, light or dark when chosen', async () => {
    const luminance = async (p: Page, selector: string): Promise<number> => {
      const rgb = await p.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    };
    await page.getByTestId('nav-library').click();
    await page.getByTestId('doc-row').first().waitFor();
    expect(await page.getByTestId('theme-switch').innerText()).toContain('跟随系统');
    expect(await luminance(page, 'html')).toBeGreaterThan(0.8); // this browser's system is light
    await page.getByTestId('theme-switch').click(); // 浅色
    await page.getByTestId('theme-switch').click(); // 深色
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await luminance(page, 'html')).toBeLessThan(0.2);
    expect(await luminance(page, 'main button:not(.primary)')).toBeLessThan(0.25); // panels and buttons too
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'library-dark.png') });
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('基层减负');
    await page.getByTestId('search-total').waitFor();
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'search-dark.png') });
    // The reader follows the app (its own 主题 is 随应用 until the reader picks one).
    await page.getByTestId('search-hit').first().locator('.hit-title').click();
    await expect.poll(() => page.locator('.reader-page').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'reader-dark.png') });
    // Kept across a reload; back to the system's with one more click.
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByTestId('theme-switch').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light'); // the system's
    // A system set to dark is followed when nothing is chosen.
    const darkPage = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    await darkPage.goto(server.url);
    await darkPage.getByTestId('doc-row').first().waitFor();
    expect(await luminance(darkPage, 'html')).toBeLessThan(0.2);
    await darkPage.close();
    expect(errors).toEqual([]);
  });
});
