/**
 * `npm run bench:reader`: the reader's speed in headless Chromium, against the web host.
 * - A 1,300-page PDF (the Debian reference repeated, by qpdf): time from opening it (the route
 *   changes) to page 1 drawn (canvas and text layer); time from "go to page 1000" (Enter in the
 *   page box) to page 1000 drawn, and how many pages were drawn for that jump. Baseline in the same
 *   browser: pdf.js alone drawing page 1000 of the same, already open document to a canvas.
 * - A library of 10,000 documents: time from opening the 资料库 page to its rows on screen
 *   (listDocuments over HTTP included). Baseline in the same page: the same 10,000 rows put in a
 *   plain table without virtualization (what a naive list does). And the 专题 page on the same
 *   library (a quarter of the documents tagged, half with 推荐 tags): open → coverage rows painted.
 * The library's records are written directly (synthetic documents: the list reads no text).
 * Medians of 5; `--write` puts the table into bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createCore } from '../electron/core/index';
import { DB_FILE } from '../electron/core/store/db';
import { launchChromium } from '../test/support/chromium';
import { serve } from '../test/support/cli';
import { SHARED } from '../test/support/shared';

const RUNS = 5;
const THEMES = ['民生保障/教育', '民生保障/医疗卫生', '基层治理/基层减负', '数字政府/一网通办', '党的建设/作风建设/形式主义官僚主义', '社会治理/网络治理', '生态文明/污染防治', '高质量发展/新质生产力', '科目/申论·策论'];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): string => `${Math.round(x)} ms`;

if (!existsSync(join(import.meta.dirname, '..', 'out', 'renderer', 'index.html'))) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

const dir = mkdtempSync(join(tmpdir(), 'bench-reader-'));
const rows: string[] = [];
try {
  // The 1,300-page PDF, imported.
  const big = join(dir, 'big-1300.pdf');
  const debian = join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf');
  execFileSync('qpdf', ['--empty', '--pages', ...Array(6).fill(debian), '--', join(dir, 'six.pdf')]);
  execFileSync('qpdf', ['--empty', '--pages', join(dir, 'six.pdf'), '1-1300', '--', big]);
  const pdfLibrary = join(dir, 'pdf-library');
  const core = await createCore({ libraryDir: pdfLibrary });
  const report = await core.api.addPaths({ paths: [big] });
  const pdfId = report.added[0]!.id;
  await core.close();

  // 10,000 documents: one real library, its records multiplied.
  const listLibrary = join(dir, 'list-library');
  const seed = await createCore({ libraryDir: listLibrary });
  await seed.close();
  const data = JSON.parse(readFileSync(join(listLibrary, DB_FILE), 'utf8')) as { documents: unknown[] };
  const sites = ['人民网', '新华网', '求是网', '北辰遴选', '光明网'];
  data.documents = Array.from({ length: 10_000 }, (_, i) => ({
    id: `d_bench${String(i).padStart(5, '0')}`,
    kind: i % 7 === 0 ? 'pdf' : 'article',
    title: `第${i}篇：推进基层治理现代化，为基层减负赋能（${sites[i % 5]}评论）`,
    site: sites[i % 5],
    publishedAt: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    topics: i % 4 === 0 ? [THEMES[i % THEMES.length]!] : [],
    ...(i % 2 === 1 ? { recommendedTopics: [THEMES[(i * 7) % THEMES.length]!, THEMES[(i * 3) % THEMES.length]!] } : {}),
    addedAt: 1_700_000_000_000 + i * 60_000,
    ...(i % 3 === 0 ? { progress: (i % 100) / 100, position: { fraction: (i % 100) / 100, at: 0 } } : {}),
    format: 'html',
    sha256: i.toString(16).padStart(64, '0'),
    ext: '.html',
    versions: [],
  }));
  writeFileSync(join(listLibrary, DB_FILE), JSON.stringify(data));

  const browser = await launchChromium();

  // --- PDF ---
  const pdfServer = await serve(pdfLibrary);
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx names functions with a helper that does not exist in the page.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(pdfServer.url);
  await page.getByTestId('doc-row').first().waitFor();
  const firstPage: number[] = [];
  const jump: number[] = [];
  const firstShown: number[] = [];
  const jumpShown: number[] = [];
  const baselineShown: number[] = [];
  const jumpDrawn: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Open from the library: the route changes, the reader fetches the document, pdf.js opens it.
    await page.evaluate(() => (location.hash = '#/library'));
    await page.getByTestId('doc-row').first().waitFor();
    // Each run opens at page 1 (the reader would otherwise reopen where the last run left it).
    await page.waitForTimeout(300);
    await page.evaluate((id) => fetch('/api/savePosition', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('yandu.token')}` }, body: JSON.stringify({ id, page: 1, fraction: 0 }) }), pdfId);
    const opened = await page.evaluate(
      (id) =>
        new Promise<[number, number]>((resolve) => {
          const t0 = performance.now();
          let shown = 0;
          location.hash = `#/read/${id}`;
          const check = (): void => {
            if (!shown && document.querySelector('.pdf-page[data-page="1"][data-shown]')) shown = performance.now() - t0;
            if (document.querySelector('.pdf-page[data-page="1"][data-drawn]')) resolve([shown || performance.now() - t0, performance.now() - t0]);
            else requestAnimationFrame(check);
          };
          check();
        }),
      pdfId,
    );
    firstShown.push(opened[0]);
    firstPage.push(opened[1]);
    // Go to page 1000 from the page box.
    await page.getByTestId('pdf-page-input').fill('1000');
    const before = Number(await page.getByTestId('pdf-scroller').getAttribute('data-drawn'));
    const waiting = page.evaluate(
      () =>
        new Promise<[number, number]>((resolve) => {
          let t0 = 0;
          let shown = 0;
          document.addEventListener('submit', () => (t0 = performance.now()), { capture: true, once: true });
          const check = (): void => {
            if (t0 && !shown && document.querySelector('.pdf-page[data-page="1000"][data-shown]')) shown = performance.now() - t0;
            if (t0 && document.querySelector('.pdf-page[data-page="1000"][data-drawn]')) resolve([shown || performance.now() - t0, performance.now() - t0]);
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
    await page.getByTestId('pdf-page-input').press('Enter');
    const jumped = await waiting;
    jumpShown.push(jumped[0]);
    jump.push(jumped[1]);
    await page.waitForTimeout(300);
    jumpDrawn.push(Number(await page.getByTestId('pdf-scroller').getAttribute('data-drawn')) - before);
  }
  // Baseline: pdf.js alone, same browser, same document already open: draw page 1000 to a canvas.
  const url = await page.evaluate((id) => fetch(`/api/getDocument`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('yandu.token')}` }, body: JSON.stringify({ id }) }).then((r) => r.json()).then((b: { result: { original: string } }) => `/library/${b.result.original}?token=${sessionStorage.getItem('yandu.token')}`), pdfId);
  // pdf.js is the module the reader loaded (same URL, so the same instance, worker set up).
  const pdfjsUrl = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/assets\/pdf-[^/]*\.js$/.test(n))!);
  const scale = await page.evaluate(() => Number.parseFloat(document.querySelector('.pdf-page')!.getAttribute('style')!.match(/--total-scale-factor:\s*([\d.]+)/)![1]!));
  for (let run = 0; run < RUNS; run++) {
    const [shown, drawn] = await page.evaluate(
      async ({ moduleUrl, fileUrl, scale }) => {
        type Lib = typeof import('pdfjs-dist');
        const lib = (await import(/* @vite-ignore */ moduleUrl)) as Lib;
        // The whole file in memory first: pdf.js at its fastest, nothing to fetch.
        const data = new Uint8Array(await (await fetch(fileUrl)).arrayBuffer());
        const doc = await lib.getDocument({ data, cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/', isEvalSupported: false }).promise;
        const t0 = performance.now();
        const pdfPage = await doc.getPage(1000);
        const viewport = pdfPage.getViewport({ scale });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        await pdfPage.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
        const shown = performance.now() - t0;
        await pdfPage.getTextContent();
        const drawn = performance.now() - t0;
        await doc.destroy();
        return [shown, drawn];
      },
      { moduleUrl: pdfjsUrl, fileUrl: url, scale },
    );
    baselineShown.push(shown);
    baseline.push(drawn);
  }
  await pdfServer.stop();

  // --- Library ---
  const listServer = await serve(listLibrary);
  const listPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await listPage.addInitScript('window.__name = (f) => f');
  await listPage.goto(listServer.url);
  await listPage.getByTestId('doc-row').first().waitFor({ timeout: 60_000 });
  /** From the 搜索 page to `hash`, until an element `sel` reads `text` and the next frame is painted. */
  const timeOpen = async (hash: string, sel: string, text: string): Promise<number> => {
    await listPage.evaluate(() => (location.hash = '#/search'));
    await listPage.getByTestId('search-input').waitFor();
    return listPage.evaluate(
      ([to, selector, pattern]) =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          const isReady = (): boolean => [...document.querySelectorAll(selector)].some((e) => new RegExp(pattern).test(e.textContent ?? ''));
          location.hash = to;
          const check = (): void => {
            if (isReady()) requestAnimationFrame(() => resolve(performance.now() - t0));
            else requestAnimationFrame(check);
          };
          check();
        }),
      [hash, sel, text] as const,
    );
  };
  const open: number[] = [];
  const naive: number[] = [];
  // The count of all 10,000 shows in the render that puts the rows in.
  for (let run = 0; run < RUNS; run++) open.push(await timeOpen('#/library', '[data-testid=doc-count]', '10000'));
  const rowsInPage = await listPage.evaluate(() => document.querySelectorAll('[data-testid=doc-row]').length);
  // Painted with this library's counts (not an empty first render).
  const topicsOpen: number[] = [];
  for (let run = 0; run < RUNS; run++) topicsOpen.push(await timeOpen('#/topics', '[data-testid=topic-counts]', '推荐'));
  // The plain table last: the garbage of its 60,000 cells, collected later, would land in the
  // timings of the pages opened after it (it made them ten times slower).
  for (let run = 0; run < RUNS; run++) {
    naive.push(
      await listPage.evaluate(() => {
        const t0 = performance.now();
        const table = document.createElement('table');
        for (let i = 0; i < 10_000; i++) {
          const tr = table.insertRow();
          for (const text of [`第${i}篇：推进基层治理现代化，为基层减负赋能`, '文章', '人民网', '2024-09-03', '—', '未读']) tr.insertCell().textContent = text;
        }
        document.body.appendChild(table);
        void table.getBoundingClientRect().height; // layout
        const spent = performance.now() - t0;
        table.remove();
        return spent;
      }),
    );
  }
  await listServer.stop();
  await browser.close();

  rows.push(`### Reader — measured ${new Date().toISOString().slice(0, 16)}Z in headless Chromium on this machine (medians of ${RUNS})\n`);
  rows.push('| what | result | target |');
  rows.push('|---|---|---|');
  rows.push(`| 1,300-page PDF: open → page 1 on screen (canvas) | **${ms(median(firstShown))}** (runs: ${firstShown.map(ms).join(', ')}) | < 1 s |`);
  rows.push(`| … and its text layer ready (selectable, marks) | ${ms(median(firstPage))} (runs: ${firstPage.map(ms).join(', ')}) | — |`);
  rows.push(`| 1,300-page PDF: "go to page" 1000 → page 1000 on screen (canvas) | **${ms(median(jumpShown))}** (runs: ${jumpShown.map(ms).join(', ')}); pages drawn within 300 ms of the jump: ${jumpDrawn.join(', ')} (page 1000; its neighbours follow after a pause) | < 300 ms, no pages in between |`);
  rows.push(`| … and its text layer ready | ${ms(median(jump))} (runs: ${jump.map(ms).join(', ')}) | — |`);
  rows.push(`| Baseline, same browser: pdf.js alone, the whole file already in memory, draws page 1000 to a canvas / and reads its text | ${ms(median(baselineShown))} / ${ms(median(baseline))} → the viewer's jump takes ${(median(jumpShown) / median(baselineShown)).toFixed(2)}× / ${(median(jump) / median(baseline)).toFixed(2)}× that | — |`);
  rows.push(`| Library of 10,000 documents: open → rows painted (listDocuments over HTTP included) | **${ms(median(open))}** (runs: ${open.map(ms).join(', ')}); ${rowsInPage} rows in the page | < 500 ms |`);
  rows.push(`| Baseline, same page: 10,000 rows in a plain table (no virtualization) | ${ms(median(naive))} → the list opens in ${(median(open) / median(naive)).toFixed(2)}× that time | — |`);
  rows.push(`| 专题 page on the same 10,000 documents (confirmed and 推荐 tags): open → coverage painted (listTopics over HTTP included) | **${ms(median(topicsOpen))}** (runs: ${topicsOpen.map(ms).join(', ')}) | < 300 ms |`);
  console.log(rows.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv.includes('--write') && rows.length) {
  const path = join(import.meta.dirname, 'RESULTS.md');
  const current = readFileSync(path, 'utf8');
  const start = current.indexOf('<!-- reader:start -->');
  const end = current.indexOf('<!-- reader:end -->');
  const section = `<!-- reader:start -->\n${rows.join('\n')}\n<!-- reader:end -->`;
  writeFileSync(path, start >= 0 && end > start ? current.slice(0, start) + section + current.slice(end + '<!-- reader:end -->'.length) : `${current}\n${section}\n`);
}
