/**
 * The built desktop bundle's import worker (out/main/import-worker.js), run as a worker thread
 * the way the app runs it: it must load on its own and parse a page and a PDF.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../electron/shared/rpc';
import { SHARED } from '../support/shared';

const OUT = join(import.meta.dirname, '..', '..', 'out', 'main', 'import-worker.js');

/** Parses one file in the built worker; its reply is the wire's envelope (`rpc.ts`). */
function parse(fileName: string, path: string): Promise<Envelope<{ title: string; pages?: string[] }>> {
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
    const send = (message: unknown): Promise<Envelope> =>
      new Promise((resolve) => {
        worker.once('message', resolve);
        worker.postMessage(message);
      });
    try {
      expect(await send({ op: 'open', libraryDir: library, docs: [{ id: 'd_1', kind: 'text', title: '笔记' }] })).toEqual({ result: expect.objectContaining({ documents: 1 }) });
      expect(await send({ op: 'search', query: '基层减负', limit: 5 })).toEqual({ result: expect.objectContaining({ total: 1 }) });
    } finally {
      await worker.terminate();
    }
  });
});

describe('built import worker', () => {
  it('parses a page and a PDF', async () => {
    expect(await parse('a.html', join(SHARED, 'fixtures', 'beichen-article.html'))).toEqual({ result: expect.objectContaining({ title: '整治“指尖上的形式主义”' }) });
    const pdf = await parse('r.pdf', join(SHARED, 'corpus', 'pdf', 'research-report.pdf'));
    expect(pdf.error).toBeUndefined();
    expect(pdf.result!.pages).toHaveLength(4);
    // A file it cannot read comes back as an error with its code, not a bare message.
    const bad = await parse('x.pdf', join(SHARED, 'fixtures', 'beichen-article.html'));
    expect(bad.error?.code).toMatch(/^[a-z-]+$/);
    expect(bad.error?.message).toBeTruthy();
  });
});
