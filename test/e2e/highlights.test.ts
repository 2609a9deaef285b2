/**
 * End to end in Debian Chromium: highlighting. In the article view and in a PDF's text layer a
 * selection brings the toolbar; a colour (or H) highlights it, drawn in place and stored with its
 * quote; clicking it edits the note and topics, deletes it, and undo brings it back. The 标注 page
 * groups, filters and opens the reader at a highlight, and exports Markdown with citations.
 * Deleting a document with highlights asks first, naming how many. Screenshots go to test-results/.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, Highlight } from '../../electron/shared/types';
import { launchChromium, pageApi } from '../support/chromium';
import { serve, yandu } from '../support/cli';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const SHOTS = join(process.cwd(), 'test-results');

describe('highlights in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let origin: string;
  const docs: Record<string, DocumentDetail> = {};
  const errors: string[] = [];

  beforeAll(async () => {
    const root = await tempDir('e2e-highlights-');
    const files = join(root, 'files');
    await mkdir(files);
    await copyFile(join(SHARED, 'fixtures', 'beichen-article.html'), join(files, 'beichen.html'));
    await copyFile(join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf'), join(files, 'debian.pdf'));
    const library = join(root, 'library');
    expect((await yandu(['add', files, '--library', library])).code).toBe(0);
    for (const d of JSON.parse((await yandu(['list', '--json', '--library', library])).stdout) as { id: string }[]) {
      const doc = JSON.parse((await yandu(['show', d.id, '--json', '--library', library])).stdout) as DocumentDetail;
      docs[doc.kind] = doc;
    }
    server = await serve(library, { YANDU_DOWNLOADS: join(root, 'none') });
    origin = new URL(server.url).origin;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = <T,>(method: string, args: object): Promise<T> => pageApi(page)<T>(method, args);

  /** Selects the first occurrence of `phrase` inside `scope` (one text node). */
  const select = (scope: string, phrase: string): Promise<boolean> =>
    page.evaluate(
      ([sel, text]) => {
        const root = document.querySelector(sel);
        if (!root) return false;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n as Text).data.indexOf(text);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + text.length);
          const s = window.getSelection()!;
          s.removeAllRanges();
          s.addRange(range);
          return true;
        }
        return false;
      },
      [scope, phrase] as const,
    );

  it('highlights a selection in an article, edits it, deletes it and undoes that', async () => {
    const article = docs.article!;
    await page.goto(`${origin}/#/read/${article.id}`);
    await page.getByTestId('reader').waitFor();
    expect(await select('.reader-body', '让基层干部把精力真正花在干实事上')).toBe(true);
    await page.getByTestId('highlight-toolbar').waitFor();
    await page.screenshot({ path: join(SHOTS, 'highlight-toolbar.png') });
    await page.getByTestId('highlight-green').click();
    const mark = page.locator('mark.hl.hl-green');
    await mark.first().waitFor();
    expect((await mark.allInnerTexts()).join('')).toBe('让基层干部把精力真正花在干实事上');
    let [h] = await api<Highlight[]>('listHighlights', { docId: article.id });
    expect(h!.target.selector[0].exact).toBe('让基层干部把精力真正花在干实事上');
    expect(article.text!.slice(h!.target.selector[1].start, h!.target.selector[1].end)).toBe('让基层干部把精力真正花在干实事上');

    // H highlights the next selection in the last colour.
    expect(await select('.reader-body', '数字化改革是大势所趋')).toBe(true);
    await page.getByTestId('highlight-toolbar').waitFor();
    await page.keyboard.press('h');
    await expect.poll(() => page.locator('mark.hl.hl-green').count()).toBeGreaterThan(1);

    // Click it: note and topics.
    await mark.first().click();
    await page.getByTestId('highlight-editor').waitFor();
    await page.getByTestId('highlight-note-input').fill('申论结尾可用');
    await page.getByTestId('highlight-topics-input').fill('作风建设/形式主义、基层治理/基层减负');
    await page.getByTestId('highlight-save').click();
    await expect.poll(async () => (await api<Highlight[]>('listHighlights', { docId: article.id })).find((x) => x.id === h!.id)?.note).toBe('申论结尾可用');
    [h] = (await api<Highlight[]>('listHighlights', { docId: article.id })).filter((x) => x.id === h!.id);
    expect(h!.topics).toEqual(['作风建设/形式主义', '基层治理/基层减负']);
    await page.screenshot({ path: join(SHOTS, 'reader-highlights.png') });

    // Delete, then undo from the toast.
    await page.locator(`mark[data-hl="${h!.id}"]`).first().click();
    await page.getByTestId('highlight-delete').click();
    await page.locator(`mark[data-hl="${h!.id}"]`).first().waitFor({ state: 'detached' });
    await page.locator('.toast button', { hasText: '撤销' }).click();
    await page.locator(`mark[data-hl="${h!.id}"]`).first().waitFor();
  });

  it('lists the document’s highlights and notes in the reader’s pane, in text order, and goes to one on a click', async () => {
    const article = docs.article!;
    await page.goto(`${origin}/#/read/${article.id}`);
    await page.getByTestId('reader').waitFor();
    await page.getByTestId('highlights-panel-toggle').click();
    const items = page.getByTestId('highlights-panel-item');
    await expect.poll(() => items.count()).toBe(2);
    const quotes = ['让基层干部把精力真正花在干实事上', '数字化改革是大势所趋'].sort((a, b) => article.text!.indexOf(a) - article.text!.indexOf(b));
    const listed = await items.allInnerTexts();
    expect(listed[0]).toContain(quotes[0]);
    expect(listed[1]).toContain(quotes[1]);
    expect(await page.getByTestId('highlights-panel-note').allInnerTexts()).toEqual(['申论结尾可用']);
    // The highlight with a note ends in a note marker in the text.
    expect(await page.locator('mark.hl.note-end').count()).toBe(1);
    expect(await page.locator('mark.hl.note-end').getAttribute('title')).toBe('申论结尾可用');
    // Scrolled away, a click in the pane brings the highlight back into view.
    const scroller = page.getByTestId('reader-scroll');
    const last = items.last();
    const id = (await last.getAttribute('data-hl-item'))!;
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await last.click();
    const inView = (el: Element): boolean => {
      const box = el.getBoundingClientRect();
      const pane = el.closest('[data-testid=reader-scroll]')!.getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    };
    await expect.poll(() => page.locator(`mark[data-hl="${id}"]`).first().evaluate(inView)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'reader-highlights-pane.png') });

    // A note on a new passage: its box opens beside the passage, not over it.
    const phrase = article.text!.match(/[\u4e00-\u9fff]{12}/g)!.find((p) => !quotes.some((q) => q.includes(p) || p.includes(q)))!;
    expect(await select('.reader-body', phrase)).toBe(true);
    // As a reader would: the passage in view, then selected.
    await page.evaluate(() => window.getSelection()!.getRangeAt(0).startContainer.parentElement!.scrollIntoView({ block: 'center' }));
    expect(await select('.reader-body', phrase)).toBe(true);
    await page.getByTestId('highlight-toolbar').waitFor();
    await page.getByTestId('highlight-note').click();
    const editor = page.getByTestId('highlight-editor');
    await editor.waitFor();
    await expect.poll(() => items.count()).toBe(3);
    const passage = await page.locator('mark.hl').filter({ hasText: phrase.slice(0, 4) }).first().boundingBox();
    const box = await editor.boundingBox();
    const overlap = passage!.x < box!.x + box!.width && box!.x < passage!.x + passage!.width && passage!.y < box!.y + box!.height && box!.y < passage!.y + passage!.height;
    expect(overlap).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'reader-note-beside.png') });
    await page.getByTestId('highlight-note-input').fill('可作论据');
    await page.getByTestId('highlight-save').click();
    await expect.poll(() => page.getByTestId('highlights-panel-note').allInnerTexts()).toContain('可作论据');

    // 复制 copies the quote with its citation, and the toolbar goes with the selection.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const copied = '随着信息化';
    expect(article.text).toContain(copied);
    expect(await select('.reader-body', copied)).toBe(true);
    await page.getByTestId('highlight-toolbar').waitFor();
    await page.getByTestId('highlight-copy').click();
    await page.getByTestId('highlight-toolbar').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`「${copied}」——`);
    await page.getByTestId('highlights-panel-toggle').click();
    await page.getByTestId('highlights-panel').waitFor({ state: 'detached' });
    // The tests after this one count the highlights made before it.
    const added = (await api<Highlight[]>('listHighlights', { docId: article.id })).find((x) => x.note === '可作论据')!;
    await api('removeHighlight', { id: added.id });
  });

  it('highlights text in a PDF page, on that page, and keeps it after a reload', async () => {
    const pdf = docs.pdf!;
    await page.goto(`${origin}/#/read/${pdf.id}?page=150`);
    await page.getByTestId('pdf-page-input').fill('122'); // the page printed 122 is the 150th
    await page.getByTestId('pdf-page-input').press('Enter');
    await page.waitForSelector('.pdf-page[data-page="150"][data-drawn]');
    expect(await select('.pdf-page[data-page="150"] .textLayer', '剪贴板')).toBe(true);
    await page.getByTestId('highlight-toolbar').waitFor();
    await page.getByTestId('highlight-blue').click();
    await page.locator('.pdf-page[data-page="150"] mark.hl.hl-blue').first().waitFor();
    const [h] = await api<Highlight[]>('listHighlights', { docId: pdf.id });
    expect(h!.target.page).toBe(150);
    expect(h!.target.selector[0].exact).toBe('剪贴板');
    expect(pdf.pages![149]!.slice(h!.target.pagePosition!.start, h!.target.pagePosition!.end)).toBe('剪贴板');
    await page.reload();
    await page.waitForSelector('.pdf-page[data-page="150"][data-drawn]');
    await page.locator('.pdf-page[data-page="150"] mark.hl.hl-blue').first().waitFor();
  });

  it('lists them on the 标注 page, filters, opens the reader at one, and exports Markdown', async () => {
    await page.goto(`${origin}/#/highlights`);
    await page.getByTestId('highlight-item').first().waitFor();
    expect(await page.getByTestId('highlight-item').count()).toBe(3);
    await page.getByTestId('group-topic').click();
    expect(await page.getByTestId('highlight-group').first().innerText()).toContain('作风建设 › 形式主义');
    await page.getByTestId('highlight-search').fill('申论');
    await expect.poll(() => page.getByTestId('highlight-item').count()).toBe(2); // under each of its two topics
    await page.getByTestId('highlight-search').fill('');
    await page.getByTestId('filter-color-blue').click();
    await expect.poll(() => page.getByTestId('highlight-item').count()).toBe(1);
    await page.getByTestId('filter-color-blue').click();
    await page.screenshot({ path: join(SHOTS, 'highlights-page.png') });

    const download = page.waitForEvent('download');
    await page.getByTestId('export-markdown').click();
    const file = await (await download).path();
    const md = await readFile(file, 'utf8');
    expect(md).toContain('> 让基层干部把精力真正花在干实事上');
    expect(md).toMatch(/—— 《整治“指尖上的形式主义”》 · 北辰遴选 · 2024-09-03/);
    expect(md).toContain('笔记：申论结尾可用');

    await page.getByTestId('group-document').click();
    await page.locator('.hl-quote', { hasText: '剪贴板' }).click();
    await page.waitForSelector('.pdf-page[data-page="150"] mark.hl');
    const inView = await page.locator('.pdf-page[data-page="150"] mark.hl').first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
  });

  it('asks before deleting a document with highlights, in its own dialog, saying how many', async () => {
    await page.goto(`${origin}/#/library`);
    const row = page.getByTestId('doc-row').filter({ hasText: '整治“指尖上的形式主义”' });
    await row.waitFor();
    const before = await page.getByTestId('doc-row').count();
    let native = '';
    page.once('dialog', (d) => {
      native = d.message();
      void d.dismiss();
    });
    await row.locator('button', { hasText: '删除' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect.poll(() => dialog.textContent()).toContain('2 条标注');
    await page.screenshot({ path: join(SHOTS, 'delete-confirm.png') });
    // Its button says what it does, legibly (white on the accent, not accent on accent).
    const ok = page.getByTestId('confirm-ok');
    expect(await ok.textContent()).toBe('删除');
    const [color, background] = await ok.evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
    expect(color).not.toBe(background);
    // Cancelled (Escape, the safe choice): nothing is deleted; no browser dialog was ever shown.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByTestId('doc-row').count()).toBe(before);
    expect(native).toBe('');
  });

  it('makes one highlight of a selection however often it is asked while the first is saved', async () => {
    const article = docs.article!;
    await page.goto(`${origin}/#/read/${article.id}`);
    await page.getByTestId('reader').waitFor();
    const before = (await api<Highlight[]>('listHighlights', { docId: article.id })).length;
    // A slow machine: the server answers a new highlight after a second.
    await page.route('**/api/addHighlight', async (route) => {
      await new Promise((r) => setTimeout(r, 1000));
      await route.continue();
    });
    const phrase = article.text!.match(/[\u4e00-\u9fff]{8}/g)!.find((p) => !/让基层干部|数字化改革/.test(p))!;
    expect(await select('.reader-body', phrase)).toBe(true);
    await page.getByTestId('highlight-toolbar').waitFor();
    await page.getByTestId('highlight-yellow').click();
    // The toolbar goes at once, and H (or a second click) finds nothing to highlight.
    await page.getByTestId('highlight-toolbar').waitFor({ state: 'detached', timeout: 500 });
    await page.keyboard.press('h');
    await expect.poll(async () => (await api<Highlight[]>('listHighlights', { docId: article.id })).length).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 1500)); // what a second request would have added by now
    expect((await api<Highlight[]>('listHighlights', { docId: article.id })).length).toBe(before + 1);
    await page.unroute('**/api/addHighlight');
  });

  it('ran without page errors', () => {
    expect(errors).toEqual([]);
  });
});
