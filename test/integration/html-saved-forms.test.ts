/**
 * No article is stored empty, however its page was saved. Every page of the corpus that has a
 * gold text (cwce's hand-made bodies, Readability's expected articles) is imported whole, from
 * `<head>` on without `<html>`, as its `<body>` alone and as a bare fragment; the gerapy news pages,
 * which nothing was tuned on, are scored against their site's own article container (labelled
 * by hand: the element each site puts its article in, read with jsdom, not Yandu's parser).
 * Then empty, binary and imageless files go through core and come back as failed entries.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { importHtml } from '../../electron/core/import/html/index';
import { charF1 } from '../support/quality';
import { savedForms } from '../support/saved-forms';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const HTML = join(SHARED, 'corpus', 'html');
const textOf = (html: string, selector?: string): string => {
  const { document } = new JSDOM(html).window;
  const el = selector ? document.querySelector(selector)! : document.body;
  el.querySelectorAll('script, style, noscript').forEach((n) => n.remove());
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
};

/** Held out: the element each site keeps its article in (the related-links list after 延伸阅读 is not the article). */
const GERAPY: Record<string, string> = {
  china_news1: 'div.left_zw',
  ifeng_news1: 'div[class^="main_content-"]',
  ifeng_news1_detail_20220630: 'div[class^="main_content-"]',
  netease_news1: '#endText',
};

function goldPages(): { set: string; name: string; bytes: Uint8Array; gold: string }[] {
  const pages: { set: string; name: string; bytes: Uint8Array; gold: string }[] = [];
  const cwce = join(HTML, 'cwce');
  for (const file of readdirSync(join(cwce, 'original')).sort()) {
    pages.push({ set: 'cwce', name: file, bytes: readFileSync(join(cwce, 'original', file)), gold: readFileSync(join(cwce, 'cleaned', file.replace(/\.html$/, '.txt')), 'utf8') });
  }
  for (const name of readdirSync(join(HTML, 'readability'))) {
    if (!existsSync(join(HTML, 'readability', name, 'source.html'))) continue;
    pages.push({ set: 'readability', name, bytes: readFileSync(join(HTML, 'readability', name, 'source.html')), gold: textOf(readFileSync(join(HTML, 'readability', name, 'expected.html'), 'utf8')) });
  }
  for (const [name, selector] of Object.entries(GERAPY)) {
    const bytes = readFileSync(join(HTML, 'gerapy', `${name}.html`));
    pages.push({ set: 'gerapy', name, bytes, gold: textOf(new TextDecoder().decode(bytes), selector).split(' 延伸阅读 ')[0]! });
  }
  return pages;
}

describe('articles from pages however they were saved', () => {
  it('reads each form of each page as well as the whole page: never empty, cwce ≥ 0.97, held-out pages ≥ 0.95', () => {
    const scores: Record<string, number[]> = {};
    const problems: string[] = [];
    for (const page of goldPages()) {
      let whole = 0;
      for (const { form, bytes } of savedForms(page.bytes)) {
        const doc = importHtml(bytes, `${page.name}.html`);
        const { f1 } = charF1(doc.text, page.gold);
        if (form === 'html') whole = f1;
        if (!doc.text.trim()) problems.push(`${page.set}/${page.name} (${form}): empty`);
        else if (f1 < whole - 0.02) problems.push(`${page.set}/${page.name} (${form}): F1 ${f1.toFixed(3)} against ${whole.toFixed(3)} whole`);
        (scores[`${page.set} ${form}`] ??= []).push(f1);
      }
    }
    expect(problems).toEqual([]);
    const mean = (key: string): number => scores[key]!.reduce((a, b) => a + b, 0) / scores[key]!.length;
    for (const form of ['html', 'head', 'body', 'fragment']) {
      expect(mean(`cwce ${form}`), `cwce ${form}`).toBeGreaterThanOrEqual(0.97);
      expect(Math.min(...scores[`cwce ${form}`]!), `cwce ${form}`).toBeGreaterThanOrEqual(0.5);
      const heldOut = [...scores[`gerapy ${form}`]!, ...scores[`readability ${form}`]!];
      expect(heldOut.reduce((a, b) => a + b, 0) / heldOut.length, `held out ${form}`).toBeGreaterThanOrEqual(0.95);
      expect(Math.min(...heldOut), `held out ${form}`).toBeGreaterThanOrEqual(0.5);
    }
  }, 120_000);

  it('turns empty, binary and imageless files into failed entries with a reason, and keeps the rest', async () => {
    const dir = await tempDir('readable-');
    const files = join(dir, 'files');
    await mkdir(files);
    await writeFile(join(files, 'empty.md'), '');
    await writeFile(join(files, 'blank.txt'), ' \n\n\t ');
    await writeFile(join(files, 'markup-only.html'), '<html><head><title></title></head><body><img src="a.png"><div> </div></body></html>');
    await writeFile(join(files, 'zip-named.txt'), readFileSync(join(SHARED, 'corpus', 'docx', readdirSync(join(SHARED, 'corpus', 'docx')).find((f) => f.endsWith('.docx'))!)));
    await writeFile(join(files, 'good.md'), '# 基层减负\n\n为基层减负。');
    const core = await createCore({ libraryDir: join(dir, 'library') });
    try {
      const report = await core.api.addPaths({ paths: [files] });
      expect(report.added.map((a) => a.path.replace(/^.*\//, ''))).toEqual(['good.md']);
      const reasons = Object.fromEntries(report.failed.map((f) => [f.path.replace(/^.*\//, ''), f.error]));
      expect(Object.keys(reasons).sort()).toEqual(['blank.txt', 'empty.md', 'markup-only.html', 'zip-named.txt']);
      expect(reasons['blank.txt']).toMatch(/没有可读的文字/);
      expect(reasons['markup-only.html']).toMatch(/没有可读的文字/);
      expect(reasons['zip-named.txt']).toMatch(/二进制/);
      expect((await core.api.listDocuments({})).filter((d) => !d.chars)).toEqual([]);
    } finally {
      await core.close();
    }
  }, 60_000);
});
