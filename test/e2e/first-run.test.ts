/**
 * End to end in Debian Chromium: the first run. An empty library welcomes the user with the
 * three steps; the sample library loads in one click (three articles and a PDF, searchable at
 * once, marked as samples) and goes in one click, with undo. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { serve } from '../support/cli';
import { tempDir } from '../support/tmp';

describe('first run in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    const root = await tempDir('e2e-first-');
    server = await serve(join(root, 'library'), { YANDU_DOWNLOADS: join(root, 'none') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('welcomes with the three steps, loads the sample library and removes it with undo', async () => {
    const welcome = page.getByTestId('welcome');
    await welcome.waitFor();
    expect(await page.getByTestId('empty-state').innerText()).toContain('欢迎使用研读');
    const steps = await welcome.locator('.welcome-steps > li strong').allInnerTexts();
    expect(steps).toEqual(['① 监视下载文件夹', '② 添加订阅源或会员资料清单', '③ 搜索、阅读、标注']);
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'first-run.png') });

    const sample = page.getByTestId('load-sample');
    await sample.click();
    // Busy at once (no second click), and saying so while it takes its seconds.
    expect(await sample.isDisabled()).toBe(true);
    await expect.poll(() => sample.innerText().catch(() => '')).toContain('正在载入示例资料');
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'sample-loading.png') });
    await expect.poll(() => page.getByTestId('doc-row').count(), { timeout: 60_000 }).toBe(4);
    await page.getByTestId('sample-banner').waitFor();
    expect(await page.getByTestId('doc-row').filter({ hasText: 'PDF' }).count()).toBe(1);

    await page.keyboard.press('Control+K');
    await page.getByTestId('search-input').fill('基层减负');
    await page.getByTestId('search-total').waitFor();
    expect(await page.getByTestId('search-hits').innerText()).toContain('让基层减负落到实处');

    await page.getByTestId('nav-library').click();
    await page.getByTestId('remove-sample').click();
    await page.getByTestId('welcome').waitFor();
    await page.locator('.toast button', { hasText: '撤销' }).click();
    await expect.poll(() => page.getByTestId('doc-row').count()).toBe(4);
  });
});
