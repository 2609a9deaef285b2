import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../../../test/support/shared';
import { extractPdf } from './extract';
import { keepingNatives, PDFJS_DIR } from './pdfjs-node';

const isNative = (f: unknown): boolean => typeof f === 'function' && /\{\s*\[native code\]\s*\}/.test(Function.prototype.toString.call(f));

describe('pdf.js in Node', () => {
  it('runs with build/patches applied (npm install runs patch-package)', () => {
    // pdf.js's TextState.clone made each clone's prototype the state it cloned: every save (q)
    // turned an object into a prototype, and reading a PDF's text took ~40% longer.
    for (const build of ['legacy/build', 'build']) {
      const worker = readFileSync(join(PDFJS_DIR, build, 'pdf.worker.mjs'), 'utf8');
      expect(worker).toContain('Object.assign(Object.create(TextState.prototype), this)');
      expect(worker).not.toContain('Object.assign(Object.create(this), this)');
    }
  });

  it('leaves the thread with native push and JSON once a PDF is read', async () => {
    const pdf = await extractPdf(readFileSync(join(SHARED, 'corpus', 'pdf', 'gmw-museum-course.pdf')));
    expect(pdf.pages[0]).toContain('博物馆');
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    expect(isNative(JSON.stringify)).toBe(true);
    expect(Object.keys([])).not.toContain('push'); // not enumerable
    // What pdf.js needs and core-js only adds stays.
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
  });

  it('puts the natives back even when loading fails', async () => {
    const push = Array.prototype.push;
    await expect(
      keepingNatives(async () => {
        Array.prototype.push = function () {
          return 0;
        };
        throw new Error('load failed');
      }),
    ).rejects.toThrow('load failed');
    expect(Array.prototype.push).toBe(push);
  });
});
