/**
 * Article extraction quality on ../shared/corpus/html: body F1 per page on cwce (with author and
 * date), and body/title on the readability, newspaper4k and gerapy pages. Used by the quality
 * test and by `npm run bench` (which prints every page).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeDocument } from '../electron/core/import/charset';
import { importHtml } from '../electron/core/import/html/index';
import { charF1 } from '../test/support/quality';
import { SHARED } from '../test/support/shared';

export const CORPUS = join(SHARED, 'corpus', 'html');

export interface PageResult {
  set: string;
  name: string;
  f1: number;
  precision: number;
  recall: number;
  title?: { expected: string; got: string; ok: boolean };
  author?: { expected: string; got: string | undefined; ok: boolean };
  date?: { expected: string; got: string | undefined; ok: boolean };
}

/** Gold dates are like `2005-5-7 21:23:57`, `2018`, `1998-3`: compare as far as the gold goes. */
export function sameDate(gold: string, got: string | undefined): boolean {
  if (!got) return false;
  const parts = gold.trim().split(/[\s T]/)[0]!.split(/[-/.]/).map((p) => p.padStart(2, '0'));
  const mine = got.split('-');
  return parts.every((p, i) => mine[i] === p);
}

const sameAuthor = (gold: string, got: string | undefined): boolean =>
  Boolean(got) && gold.replace(/[\s、，,&]+/g, '') === got!.replace(/[\s、，,&]+/g, '');

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const readText = (path: string): string => readFileSync(path, 'utf8');

export function evaluateCwce(): PageResult[] {
  const dir = join(CORPUS, 'cwce');
  return readdirSync(join(dir, 'original')).sort().map((file) => {
    const id = file.replace(/\.html$/, '');
    const doc = importHtml(read(join(dir, 'original', file)), file);
    const result: PageResult = { set: 'cwce', name: id, ...charF1(doc.text, readText(join(dir, 'cleaned', `${id}.txt`))) };
    const author = readText(join(dir, 'author', `${id}.txt`)).trim();
    const date = readText(join(dir, 'date', `${id}.txt`)).trim();
    if (author !== 'UNKNOWN') result.author = { expected: author, got: doc.author, ok: sameAuthor(author, doc.author) };
    if (date !== 'UNKNOWN') result.date = { expected: date, got: doc.publishedAt, ok: sameDate(date, doc.publishedAt) };
    return result;
  });
}

/** The same pages through @mozilla/readability (on the same decoding and DOM), for comparison. */
export function evaluateReadability(): { mean: number; min: number } {
  const dir = join(CORPUS, 'cwce');
  const scores = readdirSync(join(dir, 'original')).sort().map((file) => {
    const { document } = parseHTML(decodeDocument(read(join(dir, 'original', file))).text);
    let text = '';
    try {
      text = new Readability(document as never).parse()?.textContent ?? '';
    } catch {
      text = '';
    }
    return charF1(text, readText(join(dir, 'cleaned', file.replace(/\.html$/, '.txt')))).f1;
  });
  return { mean: scores.reduce((a, b) => a + b, 0) / scores.length, min: Math.min(...scores) };
}

/** Title equality after dropping the site suffix the gold sometimes keeps. */
const titleOk = (expected: string, got: string): boolean => expected.trim() === got || expected.trim().startsWith(got);

export function evaluateOthers(): PageResult[] {
  const results: PageResult[] = [];
  const readability = join(CORPUS, 'readability');
  for (const name of readdirSync(readability).filter((n) => existsSync(join(readability, n, 'source.html')))) {
    const doc = importHtml(read(join(readability, name, 'source.html')), 'source.html');
    const expectedHtml = readText(join(readability, name, 'expected.html'));
    const expectedText = expectedHtml.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ');
    const meta = JSON.parse(readText(join(readability, name, 'expected-metadata.json'))) as { title: string };
    results.push({ set: 'readability', name, ...charF1(doc.text, expectedText), title: { expected: meta.title, got: doc.title, ok: titleOk(meta.title, doc.title) } });
  }
  const n4k = join(CORPUS, 'newspaper4k', 'data');
  for (const file of readdirSync(join(n4k, 'html'))) {
    const id = file.replace(/\.html$/, '');
    const doc = importHtml(read(join(n4k, 'html', file)), file);
    const result: PageResult = { set: 'newspaper4k', name: id, ...charF1(doc.text, readText(join(n4k, 'txt', `${id}.txt`))) };
    const metaPath = join(n4k, 'metadata', `${id}.json`);
    if (existsSync(metaPath)) {
      const meta = JSON.parse(readText(metaPath)) as { title: string };
      result.title = { expected: meta.title, got: doc.title, ok: titleOk(meta.title, doc.title) };
    }
    results.push(result);
  }
  return results;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const cwce = evaluateCwce();
  for (const r of [...cwce].sort((a, b) => a.f1 - b.f1)) {
    console.log(`${r.f1.toFixed(3)} p=${r.precision.toFixed(2)} r=${r.recall.toFixed(2)} ${r.name.slice(0, 8)} author=${r.author ? `${r.author.ok ? 'ok' : 'NO'} ${r.author.expected}/${r.author.got}` : '-'} date=${r.date ? `${r.date.ok ? 'ok' : 'NO'} ${r.date.expected}/${r.date.got}` : '-'}`);
  }
  const mean = cwce.reduce((n, r) => n + r.f1, 0) / cwce.length;
  const authors = cwce.filter((r) => r.author);
  const dates = cwce.filter((r) => r.date);
  console.log(`cwce mean F1 ${mean.toFixed(3)}, min ${Math.min(...cwce.map((r) => r.f1)).toFixed(3)}; author ${authors.filter((r) => r.author!.ok).length}/${authors.length}; date ${dates.filter((r) => r.date!.ok).length}/${dates.length}`);
  for (const r of evaluateOthers()) console.log(`${r.set}/${r.name}: F1 ${r.f1.toFixed(3)} (p ${r.precision.toFixed(2)} r ${r.recall.toFixed(2)}) title ${r.title ? `${r.title.ok ? 'ok' : 'NO'} "${r.title.expected}" / "${r.title.got}"` : '-'}`);
}
