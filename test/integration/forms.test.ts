/**
 * One article, one document: the 30 人民日报 commentaries saved as HTML and printed as PDF are
 * imported together (HTML first in one library, PDF first in another) and must come out as 30
 * documents, each with its other form, found once by search, readable in either form, with
 * highlights made in either form kept (and re-placed when that form's file changes).
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { tempDir } from '../support/tmp';
import { RMRB, twinNames } from '../support/twins';

const names = twinNames();

describe('one article saved as a page and as a PDF', () => {
  const cores: Core[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('forms-');
  });
  afterAll(async () => {
    for (const core of cores) await core.close();
  });

  const library = async (name: string, first: 'html' | 'pdf'): Promise<Core> => {
    const core = await createCore({ libraryDir: join(dir, name) });
    cores.push(core);
    const second = first === 'html' ? 'pdf' : 'html';
    for (const kind of [first, second]) {
      const report = await core.api.addPaths({ paths: names.map((n) => join(RMRB, kind, `${n}.${kind}`)) });
      expect(report.failed).toEqual([]);
    }
    return core;
  };

  it('keeps each commentary once, with its other form, in either order of import', async () => {
    for (const first of ['html', 'pdf'] as const) {
      const core = await library(`lib-${first}`, first);
      const docs = await core.api.listDocuments({});
      expect(docs).toHaveLength(30);
      expect(docs.every((d) => d.kind === (first === 'html' ? 'article' : 'pdf'))).toBe(true);
      expect(docs.filter((d) => d.forms?.length === 1 && d.forms[0]!.kind === (first === 'html' ? 'pdf' : 'article'))).toHaveLength(30);
      // Search shows each once (a PDF once per page that has it), never a second form.
      const { hits } = await core.api.search({ query: '时代', limit: 500 });
      expect(hits.length).toBeGreaterThan(10);
      expect(new Set(hits.map((h) => `${h.docId}#${h.page ?? ''}`)).size).toBe(hits.length);
      expect(hits.every((h) => docs.some((d) => d.id === h.docId))).toBe(true);
    }
  }, 240_000);

  it('reads a document in its other form, and keeps highlights made in either', async () => {
    const core = cores[0]!;
    const doc = (await core.api.listDocuments({})).find((d) => d.title === '前进的时代需要英雄')!;
    const pdf = await core.api.getDocument({ id: doc.id, form: doc.forms![0]!.id });
    expect(pdf).toMatchObject({ kind: 'pdf', form: doc.forms![0]!.id, pageCount: 2 });
    expect(pdf.original).toMatch(/\.pdf$/);
    expect(pdf.pages![1]).toContain('全飞行');
    const article = await core.api.getDocument({ id: doc.id });
    expect(article.kind).toBe('article');
    // A highlight in each form.
    const p = pdf.pages![0]!.indexOf('家国情怀');
    const inPdf = await core.api.addHighlight({ docId: doc.id, form: pdf.form!, page: 1, start: p, end: p + 4, color: 'yellow' });
    const a = article.text!.indexOf('英雄精神');
    const inArticle = await core.api.addHighlight({ docId: doc.id, start: a, end: a + 4, color: 'green' });
    const listed = await core.api.listHighlights({ docId: doc.id });
    expect(listed.map((h) => [h.form, h.target.selector[0].exact]).sort()).toEqual([[pdf.form, '家国情怀'], [undefined, '英雄精神']].sort());
    expect(inPdf.at?.page).toBe(1);
    expect(inArticle.status).toBe('exact');
    // The reader finds in the form it shows.
    const found = await core.api.locate({ id: doc.id, form: pdf.form!, query: '安全飞行' });
    expect(found.matches).toEqual([expect.objectContaining({ page: 1, next: { page: 2, end: expect.any(Number) } })]);
  }, 60_000);

  it('takes a changed file of a form as a new version of that form, its highlights following', async () => {
    const core = await createCore({ libraryDir: join(dir, 'lib-change') });
    cores.push(core);
    const files = join(dir, 'change');
    await mkdir(files);
    const name = names[2]!;
    await copyFile(join(RMRB, 'pdf', `${name}.pdf`), join(files, `${name}.pdf`));
    const html = await readFile(join(RMRB, 'html', `${name}.html`), 'utf8');
    await writeFile(join(files, `${name}.html`), html);
    await core.api.addPaths({ paths: [join(files, `${name}.pdf`)] });
    await core.api.addPaths({ paths: [join(files, `${name}.html`)] });
    const [doc] = await core.api.listDocuments({});
    expect(doc!.forms).toHaveLength(1);
    const form = doc!.forms![0]!.id;
    const text = (await core.api.getDocument({ id: doc!.id, form })).text!;
    const at = text.indexOf('英雄');
    const h = await core.api.addHighlight({ docId: doc!.id, form, start: at, end: at + 2, color: 'blue' });
    // The page gets a new first paragraph: the form is updated in place, the highlight moves with its text.
    await writeFile(join(files, `${name}.html`), html.replace('<p class="content">', '<p class="content">编者按：这是新加的一段话，放在文章最前面。</p><p class="content">'));
    const synced = await core.api.sync({});
    expect(synced.failed).toEqual([]);
    const after = await core.api.listDocuments({});
    expect(after).toHaveLength(1);
    expect(after[0]!.forms).toHaveLength(1);
    const moved = (await core.api.listHighlights({ docId: doc!.id })).find((x) => x.id === h.id)!;
    expect(moved.status).toBe('exact');
    expect(moved.at!.start).toBeGreaterThan(at);
    expect((await core.api.getDocument({ id: doc!.id, form })).text).toContain('编者按');
  }, 60_000);
});
