/**
 * Looking for another form of an article at scale (`npm run bench`): every imported page, PDF or
 * Word file asks whether the library already holds the same article in another kind
 * (`findOtherForm`). In a library of 20,000 pages and PDFs titled after the 276 人民日报
 * commentaries (each title varied), 1,000 imports ask in a row: the first
 * {@link WALKS_BEFORE_INDEX} answers walk every document, the later ones come from the title maps.
 * Both are timed in the same run; the walk is the baseline.
 *
 * @example
 * console.log(await benchOtherForms()); // → a Markdown table row
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreContext } from '../electron/core/library/context';
import { findOtherForm } from '../electron/core/library/forms';
import { WALKS_BEFORE_INDEX } from '../electron/core/library/lookup';
import type { Imported } from '../electron/core/import/types';
import type { DocumentRecord } from '../electron/core/store/schema';
import { openStore } from '../electron/core/store/store';
import { SHARED } from '../test/support/shared';

const LIBRARY = 20_000;
const ASKED = 1_000;

export async function benchOtherForms(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-forms-'));
  try {
    const titles = readdirSync(join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'html')).map((f) => f.split('-')[1]!);
    const store = await openStore(dir, { now: Date.now });
    const record = (i: number): DocumentRecord => ({ id: `d${i}`, kind: i % 2 ? 'pdf' : 'article', title: `${titles[i % titles.length]}（之${Math.floor(i / titles.length)}）`, topics: [], addedAt: 1, format: i % 2 ? 'pdf' : 'html', sha256: `s${i}`, ext: i % 2 ? '.pdf' : '.html', versions: [] });
    await store.change((d) => d.documents.push(...Array.from({ length: LIBRARY }, (_, i) => record(i))));
    // Every tenth import has the title of a PDF in the library; the texts differ, so none is found.
    const ctx = { store, blobs: { readText: async () => '另一篇文章的正文' } } as unknown as CoreContext;
    const times: number[] = [];
    for (let i = 0; i < ASKED; i++) {
      const title = i % 10 ? `新到的第${i}篇：${titles[(i * 7) % titles.length]}续篇` : record(2 * i + 1).title;
      const imported = { kind: 'article', title, text: '为基层减负，要在实字上下功夫。' } as Imported;
      const start = performance.now();
      if (await findOtherForm(ctx, imported)) throw new Error('bench: another form found where none is');
      times.push(performance.now() - start);
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const walked = mean(times.slice(1, WALKS_BEFORE_INDEX)); // the first also reads every title once
    const building = times[WALKS_BEFORE_INDEX]!;
    const indexed = mean(times.slice(WALKS_BEFORE_INDEX + 1));
    return `| Another form of an article looked up, ${ASKED.toLocaleString('en')} imports into ${LIBRARY.toLocaleString('en')} pages and PDFs (a tenth with a PDF's title) | walking every document ${walked.toFixed(2)} ms each (the first ${WALKS_BEFORE_INDEX}); building the title maps ${building.toFixed(0)} ms once; through them **${indexed.toFixed(3)} ms** each, ${(walked / indexed).toFixed(0)}× quicker; all ${ASKED.toLocaleString('en')}: ${mean(times).toFixed(2)} ms each | — |`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
