import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../../../test/support/shared';
import { extractPdf, joinShares, newPageCounter, pdfShare } from './extract';

const bytes = new Uint8Array(readFileSync(join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf')));

describe('PDF shares', () => {
  it('hands every page to exactly one share, and the joined shares equal the whole PDF', { timeout: 60_000 }, async () => {
    const counter = newPageCounter();
    // Two readers of one counter, interleaved as two threads would be.
    const shares = await Promise.all([pdfShare(bytes, counter, true), pdfShare(bytes, counter, false)]);
    const taken = shares.flatMap((s) => s.pages.map(([n]) => n)).sort((a, b) => a - b);
    expect(taken).toEqual(Array.from({ length: 251 }, (_, i) => i + 1));
    expect(shares.every((s) => s.pages.length > 20)).toBe(true); // both took a fair part
    expect(joinShares(shares)).toEqual(await extractPdf(bytes));
  });

  it('lets a late share find nothing left and still join', async () => {
    const counter = newPageCounter();
    const first = await pdfShare(bytes, counter, false);
    const late = await pdfShare(bytes, counter, true);
    expect(first.pages).toHaveLength(251);
    expect(late.pages).toEqual([]);
    expect(joinShares([first, late]).pages[250]).toBe(first.pages[250]![1].text);
  });

  it('refuses shares of which none read the page count', () => {
    expect(() => joinShares([{ pages: [[1, { text: 'x', opensInRun: false, endsInRun: false }]] }])).toThrow(/page count/);
  });
});
