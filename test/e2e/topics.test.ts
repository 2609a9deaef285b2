/**
 * End to end in Debian Chromium: exam topics. The real article shows its suggested topics with
 * the phrases behind them; accepting one tags the document, rejecting one removes it from the
 * suggestions; the 专题 page shows the document under its topic with the coverage bars and flags
 * thin topics; the library filters by topic. Screenshots go to test-results/.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { serve, yandu } from '../support/cli';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const SHOTS = join(process.cwd(), 'test-results');

describe('exam topics in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let origin: string;
  let id: string;

  beforeAll(async () => {
    const root = await tempDir('e2e-topics-');
    await mkdir(join(root, 'files'));
    await copyFile(join(SHARED, 'fixtures', 'beichen-article.html'), join(root, 'files', 'beichen.html'));
    const library = join(root, 'library');
    const added = JSON.parse((await yandu(['add', join(root, 'files'), '--library', library, '--json'])).stdout) as { added: { id: string }[] };
    id = added.added[0]!.id;
    server = await serve(library, { YANDU_DOWNLOADS: join(root, 'none') });
    origin = new URL(server.url).origin;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('accepts and rejects suggested topics in the reader', async () => {
    await page.goto(`${origin}/#/read/${id}`);
    const suggestion = page.getByTestId('topic-suggestion');
    await suggestion.first().waitFor();
    // Three are shown; the rest (up to five) on request.
    expect(await suggestion.count()).toBe(3);
    await page.getByRole('button', { name: /还有 \d 个推荐/ }).click();
    await expect.poll(() => suggestion.count()).toBe(5);
    const texts = await suggestion.allInnerTexts();
    expect(texts.join(' ')).toMatch(/作风建设|形式主义/);
    expect(texts.join(' ')).toContain('数字政府');
    const digital = suggestion.filter({ hasText: '数字政府' }).first();
    await digital.getByTestId('topic-accept').click();
    await page.getByTestId('doc-topic').filter({ hasText: '数字政府' }).waitFor();
    const first = (await suggestion.first().innerText()).split('（')[0];
    await suggestion.first().getByTestId('topic-reject').click();
    await expect.poll(async () => (await suggestion.allInnerTexts()).some((s) => s.split('（')[0] === first)).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'reader-topics.png') });
  });

  it('shows the document under its topic on the 专题 page, and filters the library by it', async () => {
    await page.goto(`${origin}/#/topics`);
    const row = page.getByTestId('topic-row').filter({ hasText: '数字政府' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('1 篇');
    expect(await page.locator('.coverage li.thin').count()).toBeGreaterThan(30); // a one-article library is thin almost everywhere
    await row.locator('button').click();
    expect(await page.getByTestId('topic-detail').innerText()).toContain('整治“指尖上的形式主义”');
    await page.screenshot({ path: join(SHOTS, 'topics.png') });
    await page.goto(`${origin}/#/library`);
    await page.getByTestId('filter-topic').selectOption({ label: '数字政府' });
    await expect.poll(() => page.getByTestId('doc-row').count()).toBe(1);
    // Search filters by topic too: only topics holding documents are offered.
    await page.goto(`${origin}/#/search`);
    await page.getByTestId('search-input').fill('形式主义');
    await page.getByTestId('search-total').waitFor();
    expect(await page.getByTestId('search-topic').locator('option').allInnerTexts()).toEqual(['全部专题', '数字政府（1）']);
    await page.getByTestId('search-topic').selectOption('数字政府');
    await page.getByTestId('search-total').filter({ hasText: '找到 1 条结果' }).waitFor();
  });
});
