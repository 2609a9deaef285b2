/**
 * End to end in Debian Chromium: 复习. A highlight becomes a cloze card (the 提法 in it proposed)
 * and a quote card in the reader; the 复习 page runs a session from the keyboard (Enter, space,
 * 1–4, Z undoes), links to the source, and shows the stats — in both themes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewCard } from '../../electron/shared/types';
import { readAnkiPackage } from '../support/anki';
import { launchChromium, pageApi } from '../support/chromium';
import { serve, yandu } from '../support/cli';
import { tempDir } from '../support/tmp';

const SHOTS = join(process.cwd(), 'test-results');

describe('复习 in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  const errors: string[] = [];
  const api = <T,>(method: string, args: object): Promise<T> => pageApi(page)<T>(method, args);

  beforeAll(async () => {
    const root = await tempDir('e2e-review-');
    const library = join(root, 'library');
    const added = await yandu(['add', join(import.meta.dirname, '..', '..', 'resources', 'sample'), '--library', library]);
    expect(added.code, added.stderr).toBe(0);
    server = await serve(library, { YANDU_DOWNLOADS: join(root, 'none') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByTestId('doc-row').first().waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('makes a cloze card from a highlight, the 提法 in it proposed, and a quote card', async () => {
    await page.getByTestId('doc-row').filter({ hasText: '基层减负' }).first().locator('.title-cell a').click();
    await page.getByTestId('reader').waitFor();
    const sentence = '为基层减负，首先要转变政绩观。';
    const selected = await page.evaluate((text) => {
      const root = document.querySelector('.reader-body')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(text);
        if (at < 0) continue;
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + text.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return true;
      }
      return false;
    }, sentence);
    expect(selected).toBe(true);
    await page.getByTestId('highlight-toolbar').waitFor();
    await page.getByTestId('highlight-note').click(); // highlight, and open its editor
    await page.getByTestId('highlight-editor').waitFor();
    await page.getByTestId('review-card-cloze').click();
    const words = page.getByTestId('cloze-word');
    await words.first().waitFor();
    const proposed = await words.allInnerTexts();
    expect(proposed).toContain('基层减负');
    expect(proposed.every((w) => sentence.includes(w))).toBe(true);
    // Only 基层减负 hidden: the others proposed are clicked off.
    for (const w of proposed) if (w !== '基层减负') await words.filter({ hasText: w }).click();
    await page.screenshot({ path: join(SHOTS, 'review-cloze-editor.png') });
    await page.getByTestId('cloze-make').click();
    await page.locator('.toast', { hasText: '已加入复习' }).waitFor();
    await page.getByTestId('review-card-quote').click();
    await expect.poll(async () => (await api<ReviewCard[]>('listReviewCards', {})).map((c) => c.kind).sort()).toEqual(['cloze', 'quote']);
    const cloze = (await api<ReviewCard[]>('listReviewCards', {})).find((c) => c.kind === 'cloze')!;
    expect(cloze.hide).toEqual(['基层减负']);
    await page.getByTestId('highlight-save').click();
    expect(errors).toEqual([]);
  });

  it('runs a session from the keyboard: Enter, space, 1–4, Z to undo; the source one click away', async () => {
    await page.getByTestId('nav-review').click();
    await expect.poll(() => page.getByTestId('review-due').innerText()).toContain('今天待复习 2 张');
    await page.screenshot({ path: join(SHOTS, 'review-page.png') });
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Enter');
    const front = page.getByTestId('review-front');
    await front.waitFor();
    // The cloze first (made first): its word hidden until the answer is shown.
    expect(await front.innerText()).not.toContain('基层减负');
    expect(await front.innerText()).toContain('＿＿');
    expect(await page.getByTestId('review-source').getAttribute('href')).toMatch(/#\/read\/[^?]+\?hl=h_/);
    await page.keyboard.press(' ');
    await page.getByTestId('review-back').waitFor();
    expect(await page.getByTestId('review-back').locator('mark').innerText()).toBe('基层减负');
    // Each grade says when the card would come back (a new card: minutes for 重来 and 良好, days for 容易).
    await expect.poll(() => page.getByTestId('review-grade-3').innerText()).toMatch(/良好\s*\d+ 分钟/);
    expect(await page.getByTestId('review-grade-4').innerText()).toMatch(/容易\s*\d+ 天/);
    await page.screenshot({ path: join(SHOTS, 'review-answer.png') });
    await page.keyboard.press('3');
    // The quote card: its context, the quote left out.
    await expect.poll(() => front.innerText()).toContain('【……】');
    await page.keyboard.press(' ');
    await page.keyboard.press('1');
    await page.keyboard.press('z'); // the Again taken back: the same card, its answer shown
    await expect.poll(() => page.getByTestId('review-back').count()).toBe(1);
    expect(await page.getByTestId('review-back').innerText()).toBe('为基层减负，首先要转变政绩观。');
    await page.keyboard.press('4');
    await page.getByTestId('review-done').waitFor();
    const graded = await api<ReviewCard[]>('listReviewCards', {});
    expect(graded.map((c) => c.fsrs.reps).sort()).toEqual([1, 1]); // two grades kept, the undone one not
    expect(errors).toEqual([]);
  });

  it('shows the stats — calendar, retention, states, the next 30 days — in both themes', async () => {
    await page.getByTestId('review-done').locator('button').click();
    const stats = page.getByTestId('review-stats');
    await stats.waitFor();
    const counted = await page.getByTestId('review-heatmap').locator('[data-count]').evaluateAll((cells) => cells.reduce((n, c) => n + Number((c as HTMLElement).dataset.count), 0));
    expect(counted).toBe(2);
    expect(await page.getByTestId('review-states').innerText()).toMatch(/学习中\s*1|复习中\s*1/);
    expect(await page.getByTestId('review-load').locator('.load-bar').count()).toBe(30);
    expect(await page.getByTestId('review-daily').innerText()).toContain('为基层减负，首先要转变政绩观。');
    await page.screenshot({ path: join(SHOTS, 'review-stats.png'), fullPage: true });
    await page.getByTestId('theme-switch').click(); // 浅色
    await page.getByTestId('theme-switch').click(); // 深色
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: join(SHOTS, 'review-stats-dark.png'), fullPage: true });
    await page.getByTestId('review-start').click();
    await page.getByTestId('review-front').waitFor();
    await page.screenshot({ path: join(SHOTS, 'review-card-dark.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('theme-switch').click(); // back to the system's
    expect(errors).toEqual([]);
  });

  it('exports the cards from 设置 as an Anki package with its own cloze note type', async () => {
    const cards = await api<ReviewCard[]>('listReviewCards', {});
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('settings-page').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('settings-anki').click()]);
    expect(download.suggestedFilename()).toBe('研读复习卡片.apkg');
    const apkg = await readAnkiPackage(await readFile((await download.path())!));
    expect(apkg.integrity).toBe('ok');
    expect(apkg.models.map((m) => m.name)).toEqual(['研读填空']);
    expect(apkg.notes).toHaveLength(cards.length);
    for (const note of apkg.notes) expect(note.flds).toMatch(/\{\{c1::[^}]+\}\}/);
    expect(errors).toEqual([]);
  });
});
