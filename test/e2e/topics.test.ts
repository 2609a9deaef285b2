/**
 * End to end in Debian Chromium: exam topics without busywork. A library of real commentaries
 * and the article fixture, imported with automatic topics on:
 * - the reader shows the 推荐 tags applied on import (dashed) with ✓ / ✕, the other suggested
 *   themes and 科目 with the phrases behind them, and teaches with each answer;
 * - the library shows 推荐 tags in its rows, selects rows as a file manager does (Shift range,
 *   Ctrl toggle, Ctrl+A for the filter, Esc) and confirms, tags, untags and deletes in bulk,
 *   the delete undone from the toast;
 * - the 专题 page counts confirmed and 推荐 documents apart, from the first import, and its switch
 *   turns automatic topics off for the next import;
 * - a highlight's editor suggests topics from the highlight's own words.
 * Screenshots go to test-results/.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary, Highlight, TopicSummary } from '../../electron/shared/types';
import { launchChromium, pageApi } from '../support/chromium';
import { serve, yandu } from '../support/cli';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const SHOTS = join(process.cwd(), 'test-results');
const RMRB = join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'html');
const COMMENTARIES = [
  '20180504-让“互联网+”助力寻医问药-李红梅.html',
  '20180820-向守护生命的医师致敬-王君平.html',
  '20180827-网络平台不能只有“资本思维”-彭飞.html',
  '20190130-压缩网络诈骗的生存空间-荣翌.html',
  '20190522-“大分诊”，合理配置医疗资源-李红梅.html',
  '20190611-让预付消费更安心-王珂.html',
  '20190724-让“互联网+教育”健康发展-赵婀娜.html',
  '20190828-互联网医院升级智慧医疗-李红梅.html',
];
const LATER = '20191126-医疗美容，“医疗”性质当明确-李红梅.html';

describe('exam topics in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let origin: string;
  let beichen: string;
  let root: string;
  const errors: string[] = [];

  const api = <T,>(method: string, args: object): Promise<T> => pageApi(page)<T>(method, args);

  beforeAll(async () => {
    root = await tempDir('e2e-topics-');
    await mkdir(join(root, 'files'));
    await copyFile(join(SHARED, 'fixtures', 'beichen-article.html'), join(root, 'files', 'beichen.html'));
    for (const f of COMMENTARIES) await copyFile(join(RMRB, f), join(root, 'files', f));
    const library = join(root, 'library');
    const added = JSON.parse((await yandu(['add', join(root, 'files'), '--library', library, '--json'])).stdout) as { added: { id: string; path: string }[] };
    beichen = added.added.find((a) => a.path.endsWith('beichen.html'))!.id;
    server = await serve(library, { YANDU_DOWNLOADS: join(root, 'none') });
    origin = new URL(server.url).origin;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows 推荐 tags applied on import in the reader; ✓ confirms one, ✕ removes one, and suggestions can be accepted', async () => {
    await page.goto(`${origin}/#/read/${beichen}`);
    const recommended = page.getByTestId('doc-recommended');
    await recommended.first().waitFor();
    expect(await recommended.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/推荐\s*作风建设 › 形式主义官僚主义/)]));
    // 科目 come apart from themes: a commentary serves 申论.
    expect((await recommended.allInnerTexts()).join(' ') + (await page.getByTestId('topic-suggestion').allInnerTexts()).join(' ')).toContain('申论');
    await page.screenshot({ path: join(SHOTS, 'reader-topics.png') });
    await recommended.filter({ hasText: '形式主义' }).getByTestId('recommended-confirm').click();
    await page.getByTestId('doc-topic').filter({ hasText: '形式主义官僚主义' }).waitFor();
    // More suggestions on request: accept 数字政府, turn down another.
    await page.getByTestId('topic-more').click();
    const suggestion = page.getByTestId('topic-suggestion');
    await suggestion.filter({ hasText: '数字政府' }).first().getByTestId('topic-accept').click();
    await page.getByTestId('doc-topic').filter({ hasText: '数字政府' }).waitFor();
    const before = await suggestion.count();
    const gone = (await suggestion.last().innerText()).split('（')[0]!;
    await suggestion.last().getByTestId('topic-reject').click();
    await expect.poll(async () => (await suggestion.allInnerTexts()).some((s) => s.split('（')[0] === gone)).toBe(false);
    expect(await suggestion.count()).toBeLessThan(before + 1);
    const doc = (await api<DocumentSummary[]>('listDocuments', {})).find((d) => d.id === beichen)!;
    expect(doc.topics).toContain('党的建设/作风建设/形式主义官僚主义');
    expect(doc.topics.filter((t) => t.startsWith('数字政府'))).toHaveLength(1); // the theme or its sub-theme, whichever was offered
    expect(doc.rejectedTopics?.length).toBe(1);
  });

  it('filters search by a topic that only 推荐 tags have so far', async () => {
    await page.goto(`${origin}/#/search`);
    const topic = page.getByTestId('search-topic');
    await expect.poll(() => topic.isEnabled()).toBe(true);
    const option = topic.locator('option').filter({ hasText: '医疗卫生' });
    expect(await option.innerText()).toMatch(/医疗卫生（0 · 推荐 [2-9]）/);
    await topic.selectOption((await option.getAttribute('value'))!);
    await page.getByTestId('search-input').fill('的');
    // Every hit is a document with the topic as a 推荐 tag; fewer than without the filter.
    const tagged = (await api<DocumentSummary[]>('listDocuments', {})).filter((d) => d.recommendedTopics?.includes('民生保障/医疗卫生')).map((d) => d.title);
    const all = (await api<{ total: number }>('search', { query: '的' })).total;
    await expect.poll(() => page.locator('.hit-title').count()).toBeGreaterThan(1);
    const shown = await page.locator('.hit-title').allInnerTexts();
    expect(shown.length).toBeLessThan(all);
    for (const title of shown) expect(tagged).toContain(title);
    expect(errors).toEqual([]);
  });

  it('counts confirmed and 推荐 documents apart on the 专题 page, from the first import', async () => {
    await page.goto(`${origin}/#/topics`);
    const health = page.getByTestId('topic-row').filter({ hasText: '医疗卫生' }).first();
    await health.waitFor();
    // Nothing confirmed there yet, but the commentaries on health care are counted as 推荐.
    expect(await health.getByTestId('topic-counts').innerText()).toMatch(/^0 篇 · 推荐 [2-9] 篇/);
    const topics = await api<TopicSummary[]>('listTopics', {});
    const root = topics.find((t) => t.path === '民生保障')!;
    expect(root.recommended).toBeGreaterThanOrEqual(topics.find((t) => t.path === '民生保障/医疗卫生')!.recommended);
    // Themes are charted against the best-covered theme, not against 科目 (every commentary serves 申论).
    const reach = await page.getByTestId('topic-row').evaluateAll((rows) =>
      rows.map((row) => {
        const bars = row.querySelector('.bars')!.getBoundingClientRect();
        const rec = row.querySelector('.bar-rec')!.getBoundingClientRect();
        return { name: row.querySelector('.topic-name')!.textContent, reach: (rec.right - bars.left) / bars.width };
      }),
    );
    const subjects = ['科目', '申论·策论', '公文写作', '公共基础知识', '案例分析', '时政热点'];
    expect(Math.max(...reach.filter((r) => !subjects.includes(r.name!)).map((r) => r.reach))).toBeCloseTo(1, 1);
    expect(Math.max(...reach.filter((r) => subjects.includes(r.name!)).map((r) => r.reach))).toBeCloseTo(1, 1);
    await health.locator('button').click();
    await page.getByTestId('topic-recommended-docs').waitFor();
    await page.screenshot({ path: join(SHOTS, 'topics.png') });
    const n = await page.getByTestId('topic-recommended-docs').locator('li').count();
    // The empty list of confirmed documents points at the 推荐 ones below it.
    expect(await page.getByTestId('topic-no-documents').innerText()).toContain(`下面 ${n} 篇是自动推荐的`);
    await page.getByTestId('topic-confirm-all').click();
    await expect.poll(async () => (await api<TopicSummary[]>('listTopics', {})).find((t) => t.path === '民生保障/医疗卫生')!.documents).toBe(n);
    await expect.poll(() => page.getByTestId('topic-no-documents').count()).toBe(0);
    await expect.poll(() => health.getByTestId('topic-counts').innerText()).toMatch(new RegExp(`^${n} 篇`));
  });

  it('selects rows as a file manager does and confirms, tags and deletes in bulk, with undo', async () => {
    await page.goto(`${origin}/#/library`);
    const rows = page.getByTestId('doc-row');
    await expect.poll(() => rows.count()).toBe(COMMENTARIES.length + 1);
    expect(await page.getByTestId('row-recommended').count()).toBeGreaterThan(0);
    // Click the first row's box, Shift-click the fourth: four selected.
    await rows.nth(0).getByTestId('row-check').click();
    await rows.nth(3).getByTestId('row-check').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('bulk-count').innerText()).toBe('已选 4 篇');
    // Ctrl-click on a row (outside its links) toggles it.
    await rows.nth(5).locator('[data-testid="doc-date"]').click({ modifiers: ['Control'] });
    await expect.poll(() => page.getByTestId('bulk-count').innerText()).toBe('已选 5 篇');
    await page.screenshot({ path: join(SHOTS, 'library-bulk.png') });
    const chosen = (await api<DocumentSummary[]>('listDocuments', {})).filter((d) => d.recommendedTopics?.length);
    await page.getByTestId('bulk-confirm').click();
    await page.locator('.toast', { hasText: /已为 \d+ 篇资料确认推荐专题/ }).waitFor();
    const after = await api<DocumentSummary[]>('listDocuments', {});
    expect(after.filter((d) => d.recommendedTopics?.length).length).toBeLessThan(chosen.length);
    // Ctrl+A: every row of the filter; add a topic to all of them.
    await page.keyboard.press('Escape');
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
    await page.locator('h1').click();
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.getByTestId('bulk-count').innerText()).toBe(`已选 ${COMMENTARIES.length + 1} 篇`);
    await page.getByTestId('bulk-add').selectOption('科目/申论·策论');
    await expect.poll(async () => (await api<DocumentSummary[]>('listDocuments', {})).every((d) => d.topics.includes('科目/申论·策论'))).toBe(true);
    // A row shows two topic chips; past two, "+N" with every topic in its tooltip.
    const many = (await api<DocumentSummary[]>('listDocuments', {})).find((d) => d.topics.length + (d.recommendedTopics?.length ?? 0) > 2)!;
    expect(many).toBeDefined();
    const row = rows.filter({ hasText: many.title }).first();
    await expect.poll(() => row.getByTestId('row-more-topics').innerText()).toBe(`+${many.topics.length + (many.recommendedTopics?.length ?? 0) - 2}`);
    expect(await row.locator('.topic-chip:not(.more)').count()).toBe(2);
    const tip = (await row.getByTestId('row-more-topics').getAttribute('title'))!.split('\n');
    expect(tip.map((l) => l.replace(/（推荐）$/, '')).sort()).toEqual([...many.topics, ...(many.recommendedTopics ?? [])].sort());
    await page.screenshot({ path: join(SHOTS, 'library-more-topics.png') });
    // Delete three, then undo from the toast.
    await page.keyboard.press('Escape');
    await rows.nth(0).getByTestId('row-check').click();
    await rows.nth(2).getByTestId('row-check').click({ modifiers: ['Shift'] });
    await page.getByTestId('bulk-delete').click();
    await expect.poll(() => rows.count()).toBe(COMMENTARIES.length - 2);
    await page.locator('.toast button', { hasText: '撤销' }).click();
    await expect.poll(() => rows.count()).toBe(COMMENTARIES.length + 1);
  });

  it('suggests topics for a highlight from its own words', async () => {
    const docs = await api<DocumentSummary[]>('listDocuments', {});
    const target = docs.find((d) => d.title.includes('预付消费'))!;
    const detail = await api<{ text: string }>('getDocument', { id: target.id });
    const passage = detail.text.split('\n').find((p) => p.includes('消费者') && p.length > 40)!.slice(0, 60);
    const start = detail.text.indexOf(passage);
    await api<Highlight>('addHighlight', { docId: target.id, start, end: start + passage.length, color: 'yellow' });
    await page.goto(`${origin}/#/read/${target.id}`);
    const mark = page.locator('mark.hl').first();
    await mark.waitFor();
    await mark.click();
    await page.getByTestId('highlight-suggested').waitFor();
    const offered = page.getByTestId('highlight-suggestion');
    expect((await offered.allInnerTexts()).join(' ')).toMatch(/市场监管与消费者权益|扩大内需与消费/);
    await page.screenshot({ path: join(SHOTS, 'highlight-topics.png') });
    await offered.first().click();
    await page.getByTestId('highlight-save').click();
    await expect.poll(async () => (await api<Highlight[]>('listHighlights', { docId: target.id }))[0]!.topics.length).toBe(1);
  });

  it('imports without 推荐 tags once automatic topics are turned off on the 专题 page', async () => {
    await page.goto(`${origin}/#/topics`);
    const toggle = page.getByTestId('auto-topics').locator('input');
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(async () => (await api<{ autoTopics: boolean }>('getPreferences', {})).autoTopics).toBe(false);
    await page.goto(`${origin}/#/library`);
    await page.getByTestId('file-input').setInputFiles(join(RMRB, LATER));
    await page.locator('.toast', { hasText: '新增 1 篇' }).waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await api<DocumentSummary[]>('listDocuments', {})).length).toBe(COMMENTARIES.length + 2);
    const later = (await api<DocumentSummary[]>('listDocuments', {})).find((d) => d.title.includes('医疗美容'))!;
    expect(later.recommendedTopics).toBeUndefined();
    // Its suggestions are still offered in the reader, to accept by hand.
    await page.goto(`${origin}/#/read/${later.id}`);
    await page.getByTestId('topic-suggestion').first().waitFor();
    expect(await page.getByTestId('doc-recommended').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('adds and renames a topic in the app\'s own dialog (no browser prompt), Escape changing nothing', async () => {
    let native = '';
    page.on('dialog', (d) => {
      native = d.message();
      void d.dismiss();
    });
    await page.goto(`${origin}/#/topics`);
    const health = page.getByTestId('topic-row').filter({ hasText: '医疗卫生' }).first();
    await health.locator('button').click();
    await page.getByTestId('topic-detail').locator('button', { hasText: '新增子专题' }).click();
    const box = page.getByTestId('prompt-input');
    await box.fill('医保改革');
    await box.press('Enter');
    await expect.poll(async () => (await api<TopicSummary[]>('listTopics', {})).some((t) => t.path === '民生保障/医疗卫生/医保改革')).toBe(true);
    await page.getByTestId('topic-row').filter({ hasText: '医保改革' }).locator('button').click();
    await page.getByTestId('topic-detail').locator('button', { hasText: '重命名' }).click();
    expect(await box.inputValue()).toBe('医保改革'); // the current name, selected
    await page.screenshot({ path: join(SHOTS, 'topic-rename.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
    await page.getByTestId('topic-detail').locator('button', { hasText: '重命名' }).click();
    await box.fill('医疗保障');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(async () => (await api<TopicSummary[]>('listTopics', {})).map((t) => t.path)).toContain('民生保障/医疗卫生/医疗保障');
    // The same name again: core's keyed error, said in the UI's words (not its bilingual message).
    await health.locator('button').click();
    await page.getByTestId('topic-detail').locator('button', { hasText: '新增子专题' }).click();
    await box.fill('医疗保障');
    await box.press('Enter');
    const toast = page.locator('.toast', { hasText: '已存在' });
    await toast.waitFor();
    expect(await toast.innerText()).toContain('专题“民生保障/医疗卫生/医疗保障”已存在。');
    expect(await toast.innerText()).not.toContain('exists already');
    await page.screenshot({ path: join(SHOTS, 'topic-exists-error.png') });
    expect(native).toBe('');
    expect(errors).toEqual([]);
  });
});
