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

const squash = (s: string): string => foldCompatibility(s).replace(/\s+/g, '');

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
});
