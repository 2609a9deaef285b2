/**
 * End to end in Debian Chromium: a document's details. Two commentaries imported with their
 * dates from the file names and a note with none: the library shows the note's date as unknown
 * and lists it last by 发布日期; the reader's 资料信息 panel edits title, date and author, which the
 * header, the library and a date filter then use; a date filter says how many undated documents
 * it left out and shows them on request. Screenshots go to test-results/.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { serve, yandu } from '../support/cli';
import { tempDir } from '../support/tmp';
import { RMRB } from '../support/twins';

const SHOTS = join(process.cwd(), 'test-results');

describe('document details in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let noteId = '';

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const root = await tempDir('e2e-meta-');
    const files = join(root, 'files');
    await mkdir(files);
    for (const name of ['20180611-前进的时代需要英雄-李越胜', '20180627-奋斗是青春最高的礼赞-陈凌']) await copyFile(join(RMRB, 'html', `${name}.html`), join(files, `${name}.html`));
    await writeFile(join(files, 'note.md'), '# 英雄精神学习笔记\n\n每个前进的时代都有英雄，英雄精神是照亮前路的灯塔。');
    const library = join(root, 'library');
    const added = await yandu(['add', files, '--library', library, '--json']);
    expect(added.code, added.stderr).toBe(0);
    noteId = (JSON.parse(added.stdout) as { added: { id: string; path: string }[] }).added.find((a) => a.path.endsWith('note.md'))!.id;
    server = await serve(library);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const origin = (): string => new URL(server.url).origin;

  it('shows no date for a document without one and lists it last by publication date', async () => {
    await page.goto(`${origin()}/#/library`);
    await expect.poll(() => page.getByTestId('doc-row').count()).toBe(3);
    await page.getByTestId('sort-key').selectOption('published');
    const dates = await page.getByTestId('doc-date').allInnerTexts();
    expect(dates[dates.length - 1]).toBe('—');
    expect(dates.slice(0, 2).sort()).toEqual(['2018-06-11', '2018-06-27']);
    await page.screenshot({ path: join(SHOTS, 'library-dates.png') });
  });

  it('edits title, date and author in the reader’s 资料信息, used by the header and the library', async () => {
    await page.goto(`${origin()}/#/read/${noteId}`);
    await page.getByTestId('reader').waitFor();
    expect(await page.locator('.reader header .meta').count()).toBe(0); // no date shown: none is known
    await page.getByTestId('meta-edit').click();
    await page.getByTestId('meta-title').fill('英雄精神（学习笔记）');
    await page.getByTestId('meta-publishedAt').fill('2024年9月3日');
    await page.getByTestId('meta-author').fill('王小明');
    await page.screenshot({ path: join(SHOTS, 'reader-meta-editor.png') });
    await page.getByTestId('meta-publishedAt').press('Enter');
    await page.getByTestId('meta-panel').waitFor({ state: 'detached' });
    expect(await page.locator('.reader header h1').innerText()).toBe('英雄精神（学习笔记）');
    expect(await page.locator('.reader header .meta').innerText()).toContain('2024-09-03');
    expect(await page.locator('.reader header .meta').innerText()).toContain('王小明');
    await page.goto(`${origin()}/#/library`);
    await expect.poll(() => page.getByTestId('doc-row').filter({ hasText: '英雄精神（学习笔记）' }).getByTestId('doc-date').innerText()).toBe('2024-09-03');
  });

  it('says how many undated documents a date filter left out, and shows them on request', async () => {
    await page.goto(`${origin()}/#/search`);
    await page.getByTestId('search-input').fill('时代'); // in all three
    await page.getByTestId('search-total').waitFor();
    await page.getByTestId('filter-from').fill('2018-06-20');
    await expect.poll(() => page.getByTestId('search-total').innerText()).toBe('找到 2 条结果'); // the note (now 2024) and 06-27
    await page.getByTestId('filter-to').fill('2018-12');
    await expect.poll(() => page.getByTestId('search-total').innerText()).toBe('找到 1 条结果');
    // Make one undated again: the filter says so.
    const token = new URL(server.url).searchParams.get('token')!;
    await fetch(`${origin()}/api/updateDocument`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ id: noteId, publishedAt: '' }) });
    await page.getByTestId('filter-from').fill('2018-06');
    await expect.poll(() => page.getByTestId('search-undated').innerText()).toContain('另有 1 篇资料没有已知的发布日期');
    const before = Number((await page.getByTestId('search-total').innerText()).match(/\d+/)![0]);
    await page.getByTestId('search-undated-toggle').check();
    await expect.poll(async () => Number((await page.getByTestId('search-total').innerText()).match(/\d+/)![0])).toBe(before + 1);
    await page.screenshot({ path: join(SHOTS, 'search-undated.png') });
  });
});
