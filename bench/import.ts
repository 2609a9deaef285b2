/**
 * Import benchmarks (`npm run bench`): HTML articles per second, PDF pages per second against
 * poppler's pdftotext in the same run, re-sync of 1,000 unchanged items, and the peak memory of
 * importing a 1,300-page PDF. Prints Markdown; `--write` also updates bench/RESULTS.md's import
 * section.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/index';
import { importHtml } from '../electron/core/import/html/index';
import { extractPdf } from '../electron/core/import/pdf/extract';
import { importWorkerEntry } from '../electron/core/workers/entry';
import { createPoolImporter } from '../electron/core/workers/importer';
import { createWorkerPool } from '../electron/core/workers/pool';
import { startTestServer } from '../test/support/server';
import { CORPUS } from './html-quality';

import { SHARED } from '../test/support/shared';
const DEBIAN = join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf');
const time = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
};

function htmlPages(): Uint8Array[] {
  const dir = join(CORPUS, 'cwce', 'original');
  const pages = readdirSync(dir).map((f) => new Uint8Array(readFileSync(join(dir, f))));
  pages.push(new Uint8Array(readFileSync(join(SHARED, 'fixtures', 'beichen-article.html'))));
  for (const name of ['gmw', 'qq', 'youth', 'pixnet']) pages.push(new Uint8Array(readFileSync(join(CORPUS, 'readability', name, 'source.html'))));
  return pages;
}

export async function benchHtml(): Promise<string> {
  const pages = htmlPages();
  for (const page of pages) importHtml(page, 'warm.html');
  const rounds = 5;
  const [, ms] = await time(() => {
    for (let r = 0; r < rounds; r++) for (const page of pages) importHtml(page, 'a.html');
  });
  const perSecond = (pages.length * rounds) / (ms / 1000);
  const kb = pages.reduce((n, p) => n + p.length, 0) / pages.length / 1024;

  // End to end through core: files on disk, worker threads, storage.
  const dir = mkdtempSync(join(tmpdir(), 'bench-html-'));
  mkdirSync(join(dir, 'in'));
  // Distinct articles: the real pages, each title numbered so none is a copy of another.
  const write = (folder: string, count: number): void => {
    mkdirSync(join(dir, folder), { recursive: true });
    for (let i = 0; i < count; i++) {
      const source = Buffer.from(pages[i % pages.length]!).toString('latin1');
      const variant = source.replace(/<title>/i, `<title>${folder}${i} `).replace(/<h1([^>]*)>/gi, `<h1$1>${folder}${i} `);
      writeFileSync(join(dir, folder, `${i}.html`), Buffer.from(variant, 'latin1'));
    }
  };
  write('warm', 20);
  write('in', 200);
  const core = await createCore({ libraryDir: join(dir, 'lib') });
  const [warm, coldMs] = await time(() => core.api.addPaths({ paths: [join(dir, 'warm')] }));
  const [report, coreMs] = await time(() => core.api.addPaths({ paths: [join(dir, 'in')] }));
  await core.close();
  rmSync(dir, { recursive: true, force: true });
  const coreRate = report.added.length / (coreMs / 1000);
  const coldRate = warm.added.length / (coldMs / 1000);
  return [
    `| HTML extraction, one thread (${pages.length} real pages, mean ${kb.toFixed(0)} KB) | ${perSecond.toFixed(0)} articles/s | ≥ 100 |`,
    `| HTML import through core (200 files: read, hash, parse in 2 worker threads, store) | ${coreRate.toFixed(0)} articles/s (${report.added.length} added; the first 20 right after start, workers loading: ${coldRate.toFixed(0)}/s) | ≥ 100 |`,
  ].join('\n');
}

export async function benchPdf(): Promise<string> {
  const bytes = new Uint8Array(readFileSync(DEBIAN));
  const poppler = (): number => {
    const start = performance.now();
    execFileSync('pdftotext', ['-enc', 'UTF-8', DEBIAN, '/dev/null']);
    return performance.now() - start;
  };
  // One thread, as the single-worker app reads it.
  await extractPdf(bytes); // warm up pdf.js
  const [pdf, oneThread] = await time(() => extractPdf(bytes));
  // Two worker threads, each reading a share of the pages, as core reads a large PDF.
  const pool = createWorkerPool(importWorkerEntry(), 2);
  const importFile = createPoolImporter(pool, 2);
  await importFile('warm.pdf', bytes);
  await importFile('warm.pdf', bytes);
  const runs: number[] = [];
  const popplerRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    popplerRuns.push(poppler());
    runs.push((await time(() => importFile('debian.pdf', bytes)))[1]);
  }
  await pool.close();
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const pages = pdf.pages.length;
  const rate = (ms: number): number => pages / (ms / 1000);
  const popplerRate = rate(median(popplerRuns));
  return [
    `| PDF text, debian-reference.zh-cn.pdf (${pages} pages), one thread | ${rate(oneThread).toFixed(0)} pages/s = ${((rate(oneThread) / popplerRate) * 100).toFixed(0)}% of pdftotext | ≥ 40% of pdftotext |`,
    `| PDF text, same file, two worker threads (median of 3) | ${rate(median(runs)).toFixed(0)} pages/s = **${((rate(median(runs)) / popplerRate) * 100).toFixed(0)}%** of pdftotext (${popplerRate.toFixed(0)} pages/s, median of 3 in the same run) | ≥ 40% of pdftotext |`,
  ].join('\n');
}

export async function benchResync(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-resync-'));
  const server = await startTestServer();
  try {
    // 1,000 member-manifest articles, and 1,000 files in a watched folder.
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: `a${i}`, title: `第${i}篇`, url: `/a/${i}.html`, kind: 'article', updatedAt: '2024-10-01' }));
    for (const item of items)
      server.route(item.url, { body: `<html><head><title>${item.title}</title></head><body><h1>${item.title}</h1><p>${'为基层减负，要在“实”字上下功夫。'.repeat(8)}${item.id}</p></body></html>`, type: 'text/html' });
    server.route('/manifest.json', { token: 'bench-token-123456', body: JSON.stringify({ version: 1, items }), type: 'application/json' });
    mkdirSync(join(dir, 'folder'));
    for (let i = 0; i < 1000; i++) writeFileSync(join(dir, 'folder', `${i}.txt`), `笔记${i}\n${'数字政府建设。'.repeat(20)}${i}`);
    const core = await createCore({ libraryDir: join(dir, 'lib') });
    const manifest = await core.api.addSource({ kind: 'manifest', url: `${server.url}/manifest.json`, token: 'bench-token-123456' });
    const folder = await core.api.addSource({ kind: 'folder', path: join(dir, 'folder') });
    const [first, firstMs] = await time(() => core.api.sync({}));
    const [again, manifestMs] = await time(() => core.api.sync({ sourceId: manifest.id }));
    const [againFolder, folderMs] = await time(() => core.api.sync({ sourceId: folder.id }));
    await core.close();
    return [
      `| First sync of 2,000 items (1,000 manifest articles over HTTP + 1,000 folder files) | ${(firstMs / 1000).toFixed(1)} s, ${first.added.length} added | — |`,
      `| Re-sync, 1,000 unchanged manifest items | ${(manifestMs / 1000).toFixed(2)} s (${again.unchanged.length} unchanged, ${again.added.length + again.updated.length} re-parsed) | < 2 s |`,
      `| Re-sync, 1,000 unchanged folder files | ${(folderMs / 1000).toFixed(2)} s (${againFolder.unchanged.length} unchanged, ${againFolder.added.length + againFolder.updated.length} re-parsed) | < 2 s |`,
    ].join('\n');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Imports a 1,300-page PDF (debian-reference repeated) in a child process and reads its peak RSS. */
export function benchBigPdf(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bigpdf-'));
  try {
    const big = join(dir, 'big-1300.pdf');
    execFileSync('qpdf', ['--empty', '--pages', ...Array(6).fill(DEBIAN), '--', join(dir, 'six.pdf')]);
    execFileSync('qpdf', ['--empty', '--pages', join(dir, 'six.pdf'), '1-1300', '--', big]);
    const script = join(import.meta.dirname, 'import-one.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, big, join(dir, 'lib')], { encoding: 'utf8', maxBuffer: 2 ** 26 });
    const result = JSON.parse(out.trim().split('\n').pop()!) as { pages: number; ms: number; maxRssMB: number; baselineMB: number; sizeMB: number };
    return `| 1,300-page PDF (${result.sizeMB.toFixed(1)} MB) through core | ${result.pages} pages in ${(result.ms / 1000).toFixed(1)} s; peak RSS ${result.maxRssMB.toFixed(0)} MB (process at rest: ${result.baselineMB.toFixed(0)} MB) | bounded |`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
