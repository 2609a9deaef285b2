/**
 * PDF and DOCX import through core (worker threads), on the real files of ../shared/corpus:
 * text per page against poppler's pdftotext, outline, scanned and encrypted PDFs, damaged files.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkCoverage, popplerPageCount, popplerPages } from '../../bench/pdf-quality';
import { createCore, type Core } from '../../electron/core/index';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const CORPUS = join(SHARED, 'corpus');
const DEBIAN = join(CORPUS, 'pdf', 'debian-reference.zh-cn.pdf');

describe('PDF and DOCX import', () => {
  let core: Core;
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('pdf-');
    core = await createCore({ libraryDir: join(dir, 'library') });
  });
  afterAll(() => core.close());

  it('reads every page of debian-reference.zh-cn.pdf with ≥ 98% of the CJK characters pdftotext finds', async () => {
    const report = await core.api.addPaths({ paths: [DEBIAN] });
    expect(report.failed).toEqual([]);
    const doc = await core.api.getDocument({ id: report.added[0]!.id });
    expect(doc.kind).toBe('pdf');
    expect(doc.pageCount).toBe(popplerPageCount(DEBIAN));
    expect(doc.pages).toHaveLength(doc.pageCount!);
    const reference = popplerPages(DEBIAN);
    const low = reference.map((page, i) => [i + 1, cjkCoverage(doc.pages![i]!, page)] as const).filter(([, c]) => c < 0.98);
    expect(low).toEqual([]);
    expect(doc.title).toBe('Debian 参考手册');
    expect(doc.outline!.length).toBeGreaterThan(100);
    expect(doc.outline![0]).toMatchObject({ title: 'GNU/Linux 教程', depth: 0, page: expect.any(Number) });
    // No spaces inserted between Chinese characters: on no page more CJK-space-CJK than poppler's
    // layout reading of the same page has (tables and justified lines have real ones).
    const spaced = (s: string): number => s.match(/[\u4e00-\u9fff][ \t]+[\u4e00-\u9fff]/g)?.length ?? 0;
    const extra = doc.pages!.map((page, i) => [i + 1, spaced(page) - spaced(reference[i]!)] as const).filter(([, n]) => n > 0);
    expect(extra).toEqual([]);
  });

  it('titles a research report by its descriptive file-name metadata, not its template header', async () => {
    const report = await core.api.addPaths({ paths: [join(CORPUS, 'pdf', 'research-report.pdf')] });
    expect(report.failed).toEqual([]);
    const doc = await core.api.getDocument({ id: report.added[0]!.id });
    // Its info Title is `德邦证券-高测股份(688556)扩产…三元布局-220719.pdf`; page 1 opens with `[Table_Main]`.
    expect(doc.title).toBe('德邦证券-高测股份(688556)扩产4000万公里金刚线，强化光伏硅片切割三元布局');
    // Its cover's date line, `2022 年 07 月 19 日` (pdftotext reads the same), is its date.
    expect(doc.publishedAt).toBe('2022-07-19');
  });

  it('names the page of a PDF search hit', async () => {
    const result = await core.api.search({ query: '软件包', limit: 500 });
    const pdfHits = result.hits.filter((h) => h.page !== undefined);
    expect(pdfHits.length).toBeGreaterThan(10);
    const doc = await core.api.getDocument({ id: pdfHits[0]!.docId });
    for (const hit of pdfHits.slice(0, 20)) expect(doc.pages![hit.page! - 1]).toContain('软件包');
  });

  it('folds the radicals of browser-printed PDFs', async () => {
    const report = await core.api.addPaths({ paths: [join(CORPUS, 'pdf', 'gmw-museum-course.pdf')] });
    const doc = await core.api.getDocument({ id: report.added[0]!.id });
    expect(doc.pages![0]).toContain('中国人民大学');
    expect(doc.pages![0]).not.toMatch(/[\u2e80-\u2fdf]/);
    // Its info Title is the page's <title>, `在博物馆里上好“大思政课”-光明日报-光明网`: the site names are not the title.
    expect(doc).toMatchObject({ title: '在博物馆里上好“大思政课”', site: '光明网' });
  });

  it('imports a PDF without text as scanned, not as an empty document', async () => {
    const report = await core.api.addPaths({ paths: [join(CORPUS, 'pdf', 'scanned-image-only.pdf')] });
    expect(report.failed).toEqual([]);
    const [entry] = (await core.api.listDocuments({})).filter((d) => d.id === report.added[0]!.id);
    expect(entry).toMatchObject({ kind: 'pdf', scanned: true, pages: 2 });
  });

  it('refuses encrypted and damaged PDFs with clear errors, leaving the library as it was', async () => {
    const before = await core.api.listDocuments({});
    const encrypted = join(dir, '加密.pdf');
    execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', join(CORPUS, 'pdf', 'research-report.pdf'), encrypted]);
    const damaged = join(dir, '损坏.pdf');
    writeFileSync(damaged, readFileSync(DEBIAN).subarray(0, 2000));
    const notPdf = join(dir, 'fake.pdf');
    writeFileSync(notPdf, '<html>not a pdf</html>');
    const report = await core.api.addPaths({ paths: [encrypted, damaged, notPdf] });
    expect(report.added).toEqual([]);
    const errors = Object.fromEntries(report.failed.map((f) => [f.path, f.error]));
    expect(errors[encrypted]).toMatch(/加密\.pdf' is encrypted/);
    expect(errors[damaged]).toMatch(/damaged or not a PDF/);
    expect(errors[notPdf]).toMatch(/damaged or not a PDF/);
    expect(await core.api.listDocuments({})).toEqual(before);
  });

  it('imports Word documents', async () => {
    const report = await core.api.addPaths({ paths: [join(CORPUS, 'docx')] });
    expect(report.failed).toEqual([]);
    expect(report.added).toHaveLength(3);
    const party = (await core.api.listDocuments({})).find((d) => d.sourcePath?.endsWith('party-column-autumn.docx'))!;
    expect(party).toMatchObject({ kind: 'docx', title: '党建专栏｜秋日迎新正当时，党旗领航显担当' });
    const doc = await core.api.getDocument({ id: party.id });
    expect(doc.text).toContain('学堂门启，新程始开');
    expect(doc.html).toContain('<p>学堂门启');
  });

  it('reports a damaged Word document', async () => {
    const broken = join(dir, 'broken.docx');
    writeFileSync(broken, 'PK\u0003\u0004 not really a zip');
    const report = await core.api.addPaths({ paths: [broken] });
    expect(report.failed[0]?.error).toMatch(/not a readable Word document/);
  });
});
