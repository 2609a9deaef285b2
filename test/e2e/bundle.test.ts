/**
 * The built desktop bundle's import worker (out/main/import-worker.js), run as a worker thread
 * the way the app runs it: it must load on its own and parse a page and a PDF.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../support/shared';

const OUT = join(import.meta.dirname, '..', '..', 'out', 'main', 'import-worker.js');

function parse(fileName: string, path: string): Promise<{ ok: boolean; result?: { title: string; pages?: string[] }; error?: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(OUT);
    worker.once('message', (m) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
    worker.postMessage({ fileName, bytes: new Uint8Array(readFileSync(path)) });
  });
}

describe('built search worker', () => {
  it('opens a library, indexes it and answers a query', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const library = mkdtempSync(join(tmpdir(), 'bundle-search-'));
    mkdirSync(join(library, 'text'));
    writeFileSync(join(library, 'text', 'd_1.txt'), '为基层减负，要在“实”字上下功夫。');
    const worker = new Worker(join(import.meta.dirname, '..', '..', 'out', 'main', 'search-worker.js'));
    const send = (message: unknown): Promise<{ ok: boolean; result: unknown }> =>
      new Promise((resolve) => {
        worker.once('message', resolve);
        worker.postMessage(message);
      });
    try {
      expect(await send({ op: 'open', libraryDir: library, docs: [{ id: 'd_1', kind: 'text', title: '笔记' }] })).toMatchObject({ ok: true, result: { documents: 1 } });
      expect(await send({ op: 'search', query: '基层减负', limit: 5 })).toMatchObject({ ok: true, result: { total: 1 } });
    } finally {
      await worker.terminate();
    }
  });
});

describe('built import worker', () => {
  it('parses a page and a PDF', async () => {
    expect(await parse('a.html', join(SHARED, 'fixtures', 'beichen-article.html'))).toMatchObject({ ok: true, result: { title: '整治“指尖上的形式主义”' } });
    const pdf = await parse('r.pdf', join(SHARED, 'corpus', 'pdf', 'research-report.pdf'));
    expect(pdf.ok).toBe(true);
    expect(pdf.result!.pages).toHaveLength(4);
  });
});
