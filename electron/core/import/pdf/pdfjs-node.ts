/**
 * pdf.js for Node (import worker threads and the CLI), loaded so that it does not slow down the
 * thread it runs in. Its legacy build bundles core-js, which on Node 20 replaces
 * `Array.prototype.push`, `JSON.parse` and `JSON.stringify` of the whole thread with polyfills
 * written in JavaScript (push alone took a fifth of a PDF's import time). The natives are put
 * back once pdf.js and its worker code are loaded; what core-js only adds
 * (`Promise.withResolvers`, `Map.prototype.getOrInsertComputed`, …) stays, as pdf.js needs it.
 * Its worker code runs in the same thread ("fake worker", found through `globalThis.pdfjsWorker`).
 *
 * Measured on debian-reference.zh-cn.pdf, one thread: 144 → about 200 pages/s.
 *
 * @example
 * const { getDocument } = await loadPdfJs();
 * const doc = await getDocument({ data }).promise;
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Not named `require`: the bundler injects its own `require` into the built worker.
const requireHere = createRequire(import.meta.url);
export const PDFJS_DIR = dirname(requireHere.resolve('pdfjs-dist/package.json'));

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Runs `load`, then puts back what core-js replaced while it ran. */
export async function keepingNatives<T>(load: () => Promise<T>): Promise<T> {
  const kept = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  try {
    return await load();
  } finally {
    Object.defineProperty(Array.prototype, 'push', { value: kept.push, writable: true, configurable: true, enumerable: false });
    JSON.parse = kept.parse;
    JSON.stringify = kept.stringify;
  }
}

let loading: Promise<PdfJs> | undefined;

/** pdf.js with its worker code, loaded once per thread. */
export function loadPdfJs(): Promise<PdfJs> {
  return (loading ??= keepingNatives(async () => {
    const url = (file: string): string => pathToFileURL(join(PDFJS_DIR, 'legacy', 'build', file)).href;
    const lib = (await import(url('pdf.mjs'))) as PdfJs;
    await import(url('pdf.worker.mjs')); // sets globalThis.pdfjsWorker
    return lib;
  }));
}
