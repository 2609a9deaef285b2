/**
 * PDF text against poppler's pdftotext on the same file: page count equal to pdfinfo's, and per
 * page the share of pdftotext's CJK characters (as a multiset) that Yandu's text also has.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extractPdf } from '../electron/core/import/pdf/extract';
import { foldCompatibility } from '../electron/core/import/pdf/text';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/g;

export function popplerPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-'], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const pages = text.split('\f');
  if (pages[pages.length - 1] === '') pages.pop();
  return pages;
}

export function popplerPageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Share of `reference`'s CJK characters that `text` also has (multiset), 1 when it has none. */
export function cjkCoverage(text: string, reference: string): number {
  const count = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const ch of foldCompatibility(s).match(CJK) ?? []) m.set(ch, (m.get(ch) ?? 0) + 1);
    return m;
  };
  const ours = count(text);
  const theirs = count(reference);
  let total = 0;
  let found = 0;
  for (const [ch, n] of theirs) {
    total += n;
    found += Math.min(n, ours.get(ch) ?? 0);
  }
  return total ? found / total : 1;
}

export async function comparePdf(path: string): Promise<{ pages: number; popplerPages: number; coverage: number[] }> {
  const ours = await extractPdf(new Uint8Array(readFileSync(path)));
  const theirs = popplerPages(path);
  return {
    pages: ours.pages.length,
    popplerPages: popplerPageCount(path),
    coverage: theirs.map((page, i) => cjkCoverage(ours.pages[i] ?? '', page)),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const path = process.argv[2] ?? `${import.meta.dirname}/../../shared/corpus/pdf/debian-reference.zh-cn.pdf`;
  const r = await comparePdf(path);
  const low = r.coverage.map((c, i) => [i + 1, c] as const).filter(([, c]) => c < 0.98);
  console.log(`pages ${r.pages} (pdfinfo ${r.popplerPages}); min coverage ${Math.min(...r.coverage).toFixed(4)}; pages under 98%: ${low.map(([p, c]) => `${p}:${c.toFixed(3)}`).join(' ') || 'none'}`);
}
