/**
 * End to end in Debian Chromium: 设置 (Ctrl+, or the sidebar) sets the app's theme and language,
 * the reader's typography (which the reader then uses), automatic topics, and offers the download
 * folder to watch; it shows where the library is and the limits Yandu keeps to.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../electron/shared/day';
import type { Preferences, SourceSummary } from '../../electron/shared/types';
import { launchChromium, pageApi } from '../support/chromium';
import { serve, yandu } from '../support/cli';
import { tempDir } from '../support/tmp';

const SHOTS = join(process.cwd(), 'test-results');

describe('设置 in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let downloads: string;
  let library: string;
  const errors: string[] = [];
  const api = <T,>(method: string, args: object): Promise<T> => pageApi(page)<T>(method, args);

  beforeAll(async () => {
    const root = await tempDir('e2e-settings-');
    library = join(root, 'library');
    downloads = join(root, 'Downloads');
    await mkdir(downloads);
    const added = await yandu(['add', join(import.meta.dirname, '..', '..', 'resources', 'sample'), '--library', library]);
    expect(added.code, added.stderr).toBe(0);
    server = await serve(library, { YANDU_DOWNLOADS: downloads });
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

  it('opens on Ctrl+, and sets theme and language for the whole app', async () => {
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('settings-page').waitFor();
    await expect.poll(() => page.getByTestId('settings-library-dir').innerText()).toBe(library);
    expect(await page.getByTestId('settings-limits').innerText()).toContain('单个文件最大 512 MB');
    await page.screenshot({ path: join(SHOTS, 'settings.png'), fullPage: true });
    await page.getByTestId('settings-theme').getByRole('radio', { name: '深色' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByTestId('theme-switch').innerText()).toContain('深色'); // the sidebar agrees
    await page.screenshot({ path: join(SHOTS, 'settings-dark.png'), fullPage: true });
    await page.getByTestId('settings-theme').getByRole('radio', { name: '跟随系统' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.getByTestId('settings-language').getByRole('radio', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Settings');
    await page.getByTestId('settings-language').getByRole('radio', { name: '中文' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('设置');
    expect(errors).toEqual([]);
  });

  it('sets the reader’s font and size, which the reader then uses', async () => {
    await page.getByTestId('settings-font').getByRole('radio', { name: '黑体' }).click();
    await page.getByTestId('settings-size').selectOption('24');
    expect(await page.getByTestId('settings-sample').evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px');
    await page.getByTestId('nav-library').click();
    const row = page.getByTestId('doc-row').filter({ hasText: '基层' }).first();
    await row.locator('a').first().click();
    const body = page.locator('.reader-body').first();
    await body.waitFor();
    await expect.poll(() => body.evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px');
    expect(await page.locator('.reader.font-sans').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('keeps an exam date for 今日回顾 and the retention FSRS aims at', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-retention').selectOption('0.85');
    await expect.poll(async () => (await api<Preferences>('getPreferences', {})).review.retention).toBe(0.85);
    const topic = page.getByTestId('settings-exam-topic');
    await expect.poll(() => topic.locator('option').count()).toBeGreaterThan(2);
    const value = await topic.locator('option').nth(1).getAttribute('value');
    await topic.selectOption(value!);
    // A date that has passed is refused, with the reason; one ahead (100 days from today, whenever this runs) is kept.
    const day = (days: number): string => dayOf(Date.now() + days * 86_400_000);
    await page.getByTestId('settings-exam-date').fill(day(-3));
    expect(await page.getByTestId('settings-exam-date-past').innerText()).toContain('已经过去');
    expect(await page.getByTestId('settings-exam-add').isDisabled()).toBe(true);
    expect(await page.getByTestId('settings-exam-date').getAttribute('min')).toBe(day(0));
    await page.getByTestId('settings-exams').screenshot({ path: join(SHOTS, 'settings-exam-past.png') });
    const ahead = day(100);
    await page.getByTestId('settings-exam-date').fill(ahead);
    expect(await page.getByTestId('settings-exam-date-past').count()).toBe(0);
    await page.getByTestId('settings-exam-add').click();
    await expect.poll(async () => (await api<Preferences>('getPreferences', {})).review.exams).toEqual([{ topic: value, date: ahead }]);
    expect(await page.getByTestId('settings-exams').innerText()).toContain(ahead);
    expect(await page.getByTestId('settings-exam-past').count()).toBe(0);
    // An exam kept from before that has since passed says so.
    await api('setPreferences', { review: { exams: [{ topic: value, date: ahead }, { topic: '科目', date: day(-30) }] } });
    await page.reload();
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => page.getByTestId('settings-exam-past').count()).toBe(1);
    expect(await page.getByTestId('settings-exams').locator('li').filter({ hasText: day(-30) }).innerText()).toContain('（已过）');
    await page.getByTestId('settings-exams').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'settings-review.png') });
    expect(errors).toEqual([]);
  });

  it('turns automatic topics off and watches the download folder it offers', async () => {
    await page.getByTestId('nav-settings').click();
    const auto = page.getByTestId('settings-auto-topics');
    await expect.poll(() => auto.isEnabled()).toBe(true);
    expect(await auto.isChecked()).toBe(true);
    await auto.click();
    await expect.poll(async () => (await api<Preferences>('getPreferences', {})).autoTopics).toBe(false);
    await page.getByTestId('settings-watch-downloads').click();
    await expect.poll(async () => (await api<SourceSummary[]>('listSources', {})).map((s) => s.path)).toContain(downloads);
    await page.getByTestId('settings-folders').waitFor();
    expect(await page.getByTestId('settings-folders').innerText()).toContain(downloads);
    expect(await page.getByTestId('settings-watch-downloads').count()).toBe(0); // offered no more
    await page.screenshot({ path: join(SHOTS, 'settings-folders.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
