/**
 * End to end in Debian Chromium: search hits in the reader. The real article fixture, searched
 * for 形式主义, opens with every occurrence marked (as many marks as occurrences in its text),
 * 1 / N in the hit bar, and Enter / Shift+Enter moving between them; the Debian reference PDF,
 * searched for a phrase found only on one page past 100, opens at that page with the phrase
 * marked in view. Screenshots go to test-results/.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../electron/shared/types';
import { normalize } from '../../electron/core/search/normalize';
import { launchChromium } from '../support/chromium';
import { serve, yandu } from '../support/cli';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const SHOTS = join(process.cwd(), 'test-results');

const occurrences = (text: string, needle: string): number => normalize(text).split(needle).length - 1;

describe('search hits in the reader, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let library: string;
  const docs: Record<string, DocumentDetail> = {};

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const root = await tempDir('e2e-reader-');
    library = join(root, 'library');
    const files = join(root, 'files');
    await mkdir(files);
    await copyFile(join(SHARED, 'fixtures', 'beichen-article.html'), join(files, 'beichen-article.html'));
    await copyFile(join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf'), join(files, 'debian-reference.pdf'));
    const added = await yandu(['add', files, '--library', library, '--json']);
    expect(added.code, added.stderr).toBe(0);
    for (const { id } of (JSON.parse(added.stdout) as { added: { id: string }[] }).added) {
      const shown = await yandu(['show', id, '--library', library, '--json']);
      const doc = JSON.parse(shown.stdout) as DocumentDetail;
      docs[doc.pages ? 'pdf' : 'article'] = doc;
    }
    server = await serve(library);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const search = async (query: string): Promise<void> => {
    await page.goto(`${new URL(server.url).origin}/#/search`);
    await page.getByTestId('search-input').fill(query);
    await page.getByTestId('search-total').waitFor();
  };
  const currentMark = (): Promise<number> => page.evaluate(() => Number(document.querySelector('mark.current')?.getAttribute('data-mark')));
  const inView = (): Promise<boolean> =>
    page.evaluate(() => {
      const box = document.querySelector('mark.current')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });

  it('marks every occurrence of the query in an article and moves between them', async () => {
    const article = docs.article!;
    const expected = occurrences(article.text!, '形式主义');
    expect(expected).toBeGreaterThan(3);
    await search('形式主义');
    await page.locator('.hit-title', { hasText: article.title }).click();
    await page.getByTestId('hitbar-count').waitFor();
    const numbers = await page.getByTestId('reader-mark').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-mark'))).size);
    expect(numbers).toBe(expected);
    expect(await page.getByTestId('hitbar-count').innerText()).toBe(`第 1 / ${expected} 处`);
    expect(await currentMark()).toBe(0);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('hitbar-count').innerText()).toBe(`第 3 / ${expected} 处`);
    expect(await currentMark()).toBe(2);
    expect(await inView()).toBe(true);
    await page.keyboard.press('Shift+F3');
    expect(await currentMark()).toBe(1);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+Enter');
    expect(await currentMark()).toBe(expected - 1); // wraps around
    expect(await inView()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'reader-hits.png') });
  });

  it('opens a PDF hit past page 100 at its page, with the phrase marked in view', async () => {
    const pdf = docs.pdf!;
    // A phrase of page 150 found nowhere else in the document.
    const target = 150;
    const text = normalize(pdf.pages![target - 1]!);
    const whole = normalize(pdf.pages!.join('\f'));
    let phrase = '';
    for (const m of text.matchAll(/[\u4e00-\u9fff]{6}/g)) {
      if (whole.indexOf(m[0]) === whole.lastIndexOf(m[0])) {
        phrase = m[0];
        break;
      }
    }
    expect(phrase).not.toBe('');
    await search(phrase);
    expect(await page.getByTestId('search-total').innerText()).toBe('找到 1 条结果');
    await page.locator('.hit-title').first().click();
    await page.getByTestId('hitbar-count').waitFor();
    expect(await page.getByTestId('hitbar-count').innerText()).toBe('第 1 / 1 处');
    const mark = page.locator('mark.current');
    expect(normalize(await mark.innerText())).toBe(phrase);
    expect(await mark.evaluate((el) => el.closest('section')?.getAttribute('data-page'))).toBe(String(target));
    expect(await inView()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'reader-pdf-hit.png') });
  });
});
