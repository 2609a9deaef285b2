/**
 * The reader marks search hits in pdf.js's text layer by reading its items in the importer's
 * order. This checks that order against the importer's own, on real pages with tables and
 * two-line table headers (the Debian reference), so that a phrase search finds in the stored
 * text is found in the text layer too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldCompatibility, joinItems, type TextItem } from '../../electron/core/import/pdf/text';
import { readingOrder } from '../../renderer/src/pages/reader/pdf/reading-order';
import { SHARED } from '../support/shared';
import { RMRB, twinNames } from '../support/twins';

/** Visible characters, as the reader's text map counts them (whitespace and soft hyphens left out). */
const squash = (s: string): string => foldCompatibility(s).replace(/[\s\u00ad]+/g, '');

describe('reading order of PDF text items', () => {
  it('is the same in the reader and in the importer', async () => {
    const pdfjs = (await import(pathToFileURL(join(process.cwd(), 'node_modules/pdfjs-dist/legacy/build/pdf.mjs')).href)) as typeof import('pdfjs-dist');
    const data = new Uint8Array(readFileSync(join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf')));
    const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, cMapUrl: join(process.cwd(), 'node_modules/pdfjs-dist/cmaps/'), cMapPacked: true, verbosity: 0 }).promise;
    let differentFromStreamOrder = 0;
    for (let n = 140; n <= 160; n++) {
      const content = await (await doc.getPage(n)).getTextContent({ disableNormalization: true });
      const items = content.items.filter((item) => 'str' in item);
      const positioned: TextItem[] = items.map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height }));
      const order = readingOrder(positioned);
      const inOrder = squash(order.map((i) => items[i]!.str).join(''));
      expect(inOrder, `page ${n}`).toBe(squash(joinItems(positioned)));
      if (inOrder !== squash(items.map((item) => item.str).join(''))) differentFromStreamOrder++;
    }
    // The check means something: on some of these pages stream order is not reading order.
    expect(differentFromStreamOrder).toBeGreaterThan(0);
    await doc.destroy();
  }, 60_000);

  it('keeps the visible characters of pages whose wrapped lines the importer joins', async () => {
    const pdfjs = (await import(pathToFileURL(join(process.cwd(), 'node_modules/pdfjs-dist/legacy/build/pdf.mjs')).href)) as typeof import('pdfjs-dist');
    let joined = 0;
    for (const name of twinNames().slice(0, 6)) {
      const data = new Uint8Array(readFileSync(join(RMRB, 'pdf', `${name}.pdf`)));
      const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, cMapUrl: join(process.cwd(), 'node_modules/pdfjs-dist/cmaps/'), cMapPacked: true, verbosity: 0 }).promise;
      for (let n = 1; n <= doc.numPages; n++) {
        const content = await (await doc.getPage(n)).getTextContent({ disableNormalization: true });
        const items = content.items.filter((item) => 'str' in item);
        const positioned: TextItem[] = items.map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height }));
        const text = joinItems(positioned);
        expect(squash(readingOrder(positioned).map((i) => items[i]!.str).join('')), `${name} page ${n}`).toBe(squash(text));
        const lines = new Set(positioned.filter((item) => item.str).map((item) => Math.round(item.y))).size;
        joined += lines - 1 - (text.match(/\n/g)?.length ?? 0);
      }
      await doc.destroy();
    }
    // Lines were joined on these pages: the check is about text that changed.
    expect(joined).toBeGreaterThan(100);
  }, 60_000);
});
