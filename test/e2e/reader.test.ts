/**
 * End to end in Debian Chromium: search hits in the reader. The real article fixture, searched
 * for 形式主义, opens with every occurrence marked (as many marks as occurrences in its text),
 * 1 / N in the hit bar, and Enter / Shift+Enter moving between them; the Debian reference PDF,
 * searched for a phrase found only on one page past 100, opens at that page with the phrase
 * marked in view; a browser-printed commentary, searched for a phrase over its page break, marks
 * it on both pages as one hit. Screenshots go to test-results/.
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
/** A two-page commentary whose page 1 ends inside a paragraph (…王⽂常29年翱翔⻓空，3次与死神擦身，却驾驶歼击机安|全⻜⾏…). */
const COMMENTARY = '20180611-前进的时代需要英雄-李越胜';
const RMRB_HTML = join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'html');

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
    await copyFile(join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'pdf', `${COMMENTARY}.pdf`), join(files, 'commentary.pdf'));
    const added = await yandu(['add', files, '--library', library, '--json']);
    expect(added.code, added.stderr).toBe(0);
    for (const { id } of (JSON.parse(added.stdout) as { added: { id: string }[] }).added) {
      const shown = await yandu(['show', id, '--library', library, '--json']);
      const doc = JSON.parse(shown.stdout) as DocumentDetail;
      docs[doc.pages ? (doc.pages.length === 2 ? 'commentary' : 'pdf') : 'article'] = doc;
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
    // In the PDF view the phrase is marked in pdf.js's text layer of its page (maybe over several spans).
    const mark = page.locator('mark.current').first();
    await mark.waitFor();
    const marked = await page.locator('mark.current').evaluateAll((els) => els.map((e) => e.textContent).join(''));
    expect(normalize(marked).replace(/\s/g, '')).toBe(phrase);
    expect(await mark.evaluate((el) => el.closest('.textLayer') !== null)).toBe(true);
    expect(await mark.evaluate((el) => el.closest('section')?.getAttribute('data-page'))).toBe(String(target));
    expect(await inView()).toBe(true);
    // Only pages near the hit were drawn, not the 149 before it.
    expect(Number(await page.getByTestId('pdf-scroller').getAttribute('data-drawn'))).toBeLessThan(10);
    await page.screenshot({ path: join(SHOTS, 'reader-pdf-hit.png') });
  });

  it('marks a phrase over a PDF page break on both pages, as one hit', async () => {
    const doc = docs.commentary!;
    const [one, two] = doc.pages! as [string, string];
    expect(one.endsWith('\n')).toBe(false); // page 1 runs on
    const phrase = normalize(one.slice(-3) + two.slice(0, 3));
    await search(phrase);
    expect(await page.getByTestId('search-total').innerText()).toBe('找到 1 条结果');
    expect(await page.locator('.hit .tag').first().innerText()).toBe('第 1 页');
    await page.locator('.hit-title').first().click();
    expect(await page.getByTestId('hitbar-count').innerText()).toBe('第 1 / 1 处');
    await page.locator('.pdf-page[data-page="2"] mark[data-mark="0"]').first().waitFor();
    const pieces = await page.locator('mark[data-mark="0"]').evaluateAll((els) => els.map((e) => [e.closest('section')?.getAttribute('data-page'), e.textContent ?? '']));
    expect(new Set(pieces.map(([p]) => p))).toEqual(new Set(['1', '2']));
    expect(normalize(pieces.map(([, t]) => t).join('')).replace(/\s/g, '')).toBe(phrase);
    expect(await page.locator('mark.current').count()).toBe(pieces.length);
    await page.locator('.pdf-page[data-page="2"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.getByTestId('pdf-scroller').evaluate((el) => el.scrollBy(0, -120));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'reader-pdf-page-break.png') });
  });

  it('switches between the article and its PDF, each with its own marks and highlights', async () => {
    // The same commentary saved as a page joins its PDF as one document with two forms.
    const added = await yandu(['add', join(RMRB_HTML, `${COMMENTARY}.html`), '--library', library, '--json'], {});
    expect(added.code, added.stderr).toBe(0);
    const commentary = docs.commentary!;
    await page.goto(`${new URL(server.url).origin}/#/read/${commentary.id}?q=${encodeURIComponent('英雄精神')}`);
    await page.getByTestId('form-switch').waitFor();
    expect(await page.getByTestId('form-switch').locator('[aria-checked=true]').innerText()).toBe('PDF');
    await page.locator('.textLayer mark.current').first().waitFor();
    await page.getByTestId('form-article').click();
    await page.getByTestId('reader').waitFor();
    expect(await page.getByTestId('form-switch').locator('[aria-checked=true]').innerText()).toBe('文章');
    // The query goes along: found in the article's paragraphs.
    await page.locator('.reader-body mark.current').first().waitFor();
    expect(await page.getByTestId('hitbar-count').innerText()).toMatch(/^第 1 \/ \d+ 处$/);
    // A highlight made in the article form stays with it, not drawn in the PDF.
    await page.locator('.reader-body p').first().evaluate((p) => {
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 4);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await page.getByTestId('highlight-toolbar').waitFor();
    await page.keyboard.press('h');
    await page.locator('.reader-body mark.hl').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'reader-forms-article.png') });
    await page.getByTestId('form-pdf').click();
    await page.waitForSelector('[data-testid=pdf-scroller][data-drawn]');
    expect(await page.locator('.textLayer mark.hl').count()).toBe(0);
    const listed = await yandu(['list', '--library', library, '--json']);
    expect((JSON.parse(listed.stdout) as { id: string }[]).filter((d) => d.id === commentary.id)).toHaveLength(1);
  });

  it('PDF view: go to page, zoom, outline, thumbnails, find, and the place read is kept', async () => {
    const pdf = docs.pdf!;
    await page.goto(`${new URL(server.url).origin}/#/read/${pdf.id}`);
    const scroller = page.getByTestId('pdf-scroller');
    await page.waitForSelector('[data-testid=pdf-scroller][data-drawn]');
    // The layout is fixed: only the page area scrolls, never the window (the wheel over the sidebar
    // once moved the whole app by pdf.js's hidden canvas, 19 px).
    expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBe(0);
    await page.mouse.move(100, 600);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const pageNow = async (): Promise<number> => Number(await scroller.getAttribute('data-page-now'));
    // Go to page (Ctrl+G, type, Enter) by what the book prints: its body starts at the 29th page,
    // printed 1 (the front matter before it is numbered i, ii, …).
    const BODY = 28;
    await page.keyboard.press('Control+g');
    await page.keyboard.type(String(200 - BODY));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.pdf-page[data-page="200"] canvas');
    expect(await pageNow()).toBe(200);
    expect(await page.getByTestId('pdf-page-input').inputValue()).toBe(String(200 - BODY));
    expect(await page.getByTestId('pdf-page-of').innerText()).toBe(`(200 / ${pdf.pageCount})`);
    await page.keyboard.press('Control+g');
    await page.keyboard.type('xii');
    await page.keyboard.press('Enter');
    await expect.poll(pageNow).toBe(13);
    await page.screenshot({ path: join(SHOTS, 'reader-pdf-labels.png') });
    await page.keyboard.press('Control+g');
    await page.keyboard.type(String(200 - BODY));
    await page.keyboard.press('Enter');
    await expect.poll(pageNow).toBe(200);
    // Zoom keeps the page being read.
    const zoom = page.getByTestId('pdf-zoom');
    const before = await zoom.innerText();
    await page.keyboard.press('Control+=');
    await expect.poll(() => zoom.innerText()).not.toBe(before);
    expect(await pageNow()).toBe(200);
    const width = await page.locator('.pdf-page[data-page="200"]').evaluate((el) => el.getBoundingClientRect().width);
    await page.keyboard.press('Control+0');
    await expect.poll(() => page.locator('.pdf-page[data-page="200"]').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThan(width);
    // The outline jumps to its entry's page.
    const entry = pdf.outline!.find((e) => e.page && e.page > 40)!;
    await page.getByTestId('pdf-outline').getByText(entry.title, { exact: true }).first().click();
    await expect.poll(pageNow).toBe(entry.page);
    // The outline follows the page read: the entry read is marked, and kept in view as reading goes on.
    const marked = page.getByTestId('pdf-outline').locator('[aria-current=location]');
    expect(await marked.locator('span').last().innerText()).toBe(String(entry.page! - BODY));
    const later = pdf.outline!.filter((e) => e.page && e.page > entry.page! + 60).at(-1)!;
    await page.getByTestId('pdf-page-input').fill(String(later.page! - BODY));
    await page.getByTestId('pdf-page-input').press('Enter');
    await expect.poll(() => marked.innerText()).toContain(later.title);
    const inView = (el: Element): boolean => {
      const box = el.getBoundingClientRect();
      const pane = el.closest('.pdf-side')!.getBoundingClientRect();
      return box.top >= pane.top - 1 && box.bottom <= pane.bottom + 1;
    };
    await expect.poll(() => marked.evaluate(inView)).toBe(true);
    // Thumbnails: a click on page 3's goes there.
    await page.getByTestId('pdf-thumbs-toggle').click();
    // The thumbnail of the page read is marked and in view; a click on the one before goes there.
    const read = await pageNow();
    const active = page.locator('[data-testid=pdf-thumb][aria-current=page]');
    await active.waitFor();
    expect(await active.innerText()).toBe(String(read - BODY));
    await page.getByTestId('pdf-thumb').filter({ hasText: new RegExp(`^${read - 1 - BODY}$`) }).click();
    await expect.poll(pageNow).toBe(read - 1);
    // The thumbnails follow too: going to page 200, its thumbnail is marked and scrolled to.
    await page.getByTestId('pdf-page-input').fill(String(200 - BODY));
    await page.getByTestId('pdf-page-input').press('Enter');
    await expect.poll(() => active.innerText()).toBe(String(200 - BODY));
    expect(await active.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const pane = el.closest('.pdf-side')!.getBoundingClientRect();
      return box.top >= pane.top - 1 && box.bottom <= pane.bottom + 1;
    })).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'reader-pdf-thumbnails.png') });
    // Find in document (Ctrl+F): counted over the whole PDF, marked in the text layer.
    await page.keyboard.press('Control+f');
    await page.keyboard.type('软件包');
    await page.getByTestId('hitbar-count').waitFor();
    const expected = pdf.pages!.reduce((n, p) => n + (normalize(p).split('软件包').length - 1), 0);
    expect(await page.getByTestId('hitbar-count').innerText()).toBe(`第 1 / ${expected} 处`);
    await page.locator('.textLayer mark.current').first().waitFor();
    // Leave at page 120 and come back: it opens there.
    await page.getByTestId('pdf-page-input').fill(String(120 - BODY));
    await page.getByTestId('pdf-page-input').press('Enter');
    await page.waitForTimeout(1500); // the position is saved at most once a second
    await page.goto(`${new URL(server.url).origin}/#/library`);
    await page.goto(`${new URL(server.url).origin}/#/read/${pdf.id}`);
    await page.waitForSelector('[data-testid=pdf-scroller][data-drawn]');
    await expect.poll(pageNow).toBe(120);
    // The library shows how far through it is.
    const token = new URL(server.url).searchParams.get('token')!;
    const listed = (await (await fetch(`${new URL(server.url).origin}/api/listDocuments`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' })).json()) as { result: { id: string; progress?: number; position?: { page?: number } }[] };
    const entry120 = listed.result.find((d) => d.id === pdf.id)!;
    expect(entry120.position?.page).toBe(120);
    expect(entry120.progress).toBeCloseTo(119 / pdf.pageCount!, 1);
  });

  it('article view: typography and theme are applied and kept, and the reading position is restored', async () => {
    const article = docs.article!;
    await page.goto(`${new URL(server.url).origin}/#/read/${article.id}`);
    const reader = page.getByTestId('reader');
    await reader.waitFor();
    await page.getByTestId('reader-settings').click();
    const size = await reader.evaluate((el) => getComputedStyle(el).fontSize);
    await page.getByTestId('setting-size-up').click();
    await page.getByTestId('setting-theme-sepia').click();
    await page.getByTestId('setting-font-sans').click();
    expect(await reader.evaluate((el) => getComputedStyle(el).fontSize)).not.toBe(size);
    expect(await page.locator('.reader-page').getAttribute('data-theme')).toBe('sepia');
    await page.screenshot({ path: join(SHOTS, 'reader-article-sepia.png') });
    await page.getByTestId('setting-theme-dark').click();
    expect(await reader.evaluate((el) => getComputedStyle(el.closest('.reader-page')!).backgroundColor)).toBe('rgb(28, 30, 34)');
    await page.keyboard.press('Escape');
    await page.mouse.click(900, 500); // a click outside closes the panel
    await page.screenshot({ path: join(SHOTS, 'reader-article-dark.png') });
    await page.getByTestId('reader-settings').click();
    await page.getByTestId('setting-theme-sepia').click();
    const scroller = page.getByTestId('reader-scroll');
    await scroller.evaluate((el) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) / 2 }));
    await page.waitForTimeout(1500);
    await page.reload();
    await reader.waitFor();
    expect(await page.locator('.reader-page').getAttribute('data-theme')).toBe('sepia');
    await expect
      .poll(() => scroller.evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight)))
      .toBeGreaterThan(0.4);
    // No external request came from the article (images only from the stored copy).
    expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => !r.name.startsWith(location.origin)).length)).toBe(0);
  });
});
