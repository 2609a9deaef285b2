/**
 * End to end in Debian Chromium: a search with 10,000 hits (a library of 10,000 notes that all
 * say 基层减负) shows every hit in a virtualized list that scrolls to the last one with only a
 * screenful of rows in the page, and frames keep coming while it scrolls. The library list of the
 * same 10,000 documents is virtualized the same way, and sorts and filters them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { launchChromium } from '../support/chromium';
import { serve } from '../support/cli';
import { tempDir } from '../support/tmp';

const HITS = 10_000;

describe('10,000 search hits in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    const root = await tempDir('e2e-scroll-');
    const notes = join(root, 'notes');
    await mkdir(notes);
    for (let i = 0; i < HITS; i++) {
      await writeFile(join(notes, `笔记${String(i).padStart(5, '0')}.txt`), `第${i}篇笔记：为基层减负，编号 ${i}。`);
    }
    const library = join(root, 'library');
    const core = await createCore({ libraryDir: library });
    const report = await core.api.addPaths({ paths: [notes] });
    expect(report.added.length).toBe(HITS);
    await core.close();
    server = await serve(library);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists all of them, keeps the page light and scrolls to the last one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.goto(`${new URL(server.url).origin}/#/search`);
    await page.getByTestId('search-input').fill('基层减负');
    await page.getByTestId('search-total').filter({ hasText: String(HITS) }).waitFor({ timeout: 120_000 });
    const list = page.getByTestId('search-hits');
    // Scroll to the end in steps, counting frames and the rows in the page on the way.
    const { frames, maxRows, ms, atEnd } = await list.evaluate(async (el) => {
      let count = 0;
      let rows = 0;
      let running = true;
      const tick = (): void => {
        count++;
        rows = Math.max(rows, el.querySelectorAll('.virtual-row').length);
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const start = performance.now();
      for (let i = 1; i <= 40; i++) {
        el.scrollTop = (el.scrollHeight * i) / 40;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
      await new Promise((r) => setTimeout(r, 200));
      running = false;
      const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      return { frames: count, maxRows: rows, ms: performance.now() - start, atEnd };
    });
    expect(atEnd).toBe(true);
    expect(maxRows).toBeGreaterThan(0);
    expect(maxRows).toBeLessThan(60);
    expect(frames).toBeGreaterThanOrEqual(40);
    expect(ms).toBeLessThan(10_000);
    const last = page.getByTestId('search-hit').last();
    await last.waitFor();
    expect(await list.locator('.virtual-row').last().innerText()).toContain('基层减负');
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'search-10000-hits.png') });
    await page.close();
  }, 300_000);

  it('lists 10,000 documents in the library, light, sorted and filtered', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.getByTestId('doc-count').filter({ hasText: String(HITS) }).waitFor({ timeout: 60_000 });
    const list = page.getByTestId('library-rows');
    const { maxRows, atEnd } = await list.evaluate(async (el) => {
      let rows = 0;
      for (let i = 1; i <= 20; i++) {
        el.scrollTop = (el.scrollHeight * i) / 20;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        rows = Math.max(rows, el.querySelectorAll('[data-testid=doc-row]').length);
      }
      return { maxRows: rows, atEnd: el.scrollTop + el.clientHeight >= el.scrollHeight - 2 };
    });
    expect(atEnd).toBe(true);
    expect(maxRows).toBeGreaterThan(5);
    expect(maxRows).toBeLessThan(60);
    // Title order (ascending, numbers by value): note 0, 1, 2… come first.
    await page.getByTestId('sort-key').selectOption('title');
    await page.getByTestId('sort-direction').click();
    expect(await list.locator('.title-cell a').first().innerText()).toBe('第0篇笔记：为基层减负，编号 0。');
    expect(await list.locator('.title-cell a').nth(2).innerText()).toBe('第2篇笔记：为基层减负，编号 2。');
    // Words of a title leave that document alone.
    const last = `第${HITS - 1}篇笔记：为基层减负，编号 ${HITS - 1}。`;
    await page.getByTestId('filter-text').fill(`第${HITS - 1}篇`);
    await page.getByTestId('doc-count').filter({ hasText: `显示 1 篇` }).waitFor();
    expect(await list.locator('.title-cell a').first().innerText()).toBe(last);
    await page.getByTestId('filter-kind').selectOption('pdf');
    await page.getByTestId('empty-state').filter({ hasText: '没有符合筛选条件的资料' }).waitFor();
    await page.locator('button', { hasText: '清除筛选' }).click();
    await page.getByTestId('doc-count').filter({ hasText: `共 ${HITS} 篇` }).waitFor();
    await page.close();
  }, 120_000);
});
