/**
 * A library imported by an earlier Yandu: its PDF's text has a line break at every visual wrap,
 * its commentary page has no date. Opened by this Yandu, both are read again from their stored
 * originals in the background: the PDF's wraps joined (its highlight still exact, on the same
 * words), the page dated from its file name; the user's own title kept.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { tempDir } from '../support/tmp';
import { RMRB } from '../support/twins';

const NAME = '20180611-前进的时代需要英雄-李越胜';

describe('documents read by an earlier Yandu', () => {
  it('are read again from their originals when the library opens', async () => {
    const dir = await tempDir('reread-');
    const library = join(dir, 'library');
    const files = join(dir, 'files');
    await mkdir(files);
    await copyFile(join(RMRB, 'pdf', `${NAME}.pdf`), join(files, 'commentary.pdf'));
    await copyFile(join(RMRB, 'html', '20180627-奋斗是青春最高的礼赞-陈凌.html'), join(files, '20180627-奋斗是青春最高的礼赞-陈凌.html'));
    let core = await createCore({ libraryDir: library });
    const { added } = await core.api.addPaths({ paths: [files] });
    const pdfId = added.find((a) => a.path.endsWith('.pdf'))!.id;
    const pageId = added.find((a) => a.path.endsWith('.html'))!.id;
    const pages = (await core.api.getDocument({ id: pdfId })).pages!;
    const at = pages[0]!.indexOf('家国情怀');
    const h = await core.api.addHighlight({ docId: pdfId, page: 1, start: at, end: at + 4, color: 'yellow' });
    await core.api.updateDocument({ id: pdfId, title: '我起的标题' });
    await core.close();

    // Make it what an earlier version left: no text version, wraps broken, no date.
    const dbPath = join(library, 'yandu.json');
    const data = JSON.parse(await readFile(dbPath, 'utf8')) as { documents: Record<string, unknown>[] };
    for (const doc of data.documents) {
      delete doc.textVersion;
      if (doc.id === pageId) delete doc.publishedAt;
    }
    await writeFile(dbPath, JSON.stringify(data));
    const textPath = join(library, 'text', `${pdfId}.txt`);
    const joined = await readFile(textPath, 'utf8');
    await writeFile(textPath, joined.replace(/(.{20})/g, '$1\n'));

    core = await createCore({ libraryDir: library });
    try {
      await expect.poll(async () => (await core.api.getDocument({ id: pdfId })).pages!.join('\f'), { timeout: 30_000 }).toBe(joined);
      await expect.poll(async () => (await core.api.listDocuments({})).find((d) => d.id === pageId)?.publishedAt, { timeout: 30_000 }).toBe('2018-06-27');
      const doc = await core.api.getDocument({ id: pdfId });
      expect(doc.title).toBe('我起的标题');
      const [kept] = await core.api.listHighlights({ docId: pdfId });
      expect(kept).toMatchObject({ id: h.id, status: 'exact' });
      expect(doc.pages![0]!.slice(kept!.at!.pageStart, kept!.at!.pageEnd)).toBe('家国情怀');
      // Search finds a phrase the broken text had split.
      const phrase = joined.slice(joined.indexOf('家国情怀'), joined.indexOf('家国情怀') + 30).replace(/\s/g, '').slice(0, 24);
      expect((await core.api.search({ query: phrase })).hits.map((x) => x.docId)).toContain(pdfId);
    } finally {
      await core.close();
    }
  }, 90_000);
});
