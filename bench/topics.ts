/**
 * `npm run bench:topics`: the figures of topic suggestions on the hand-labelled documents held
 * out from training and tuning (test/support/topic-figures.ts): a classifier trained on the
 * `tune` split only, measured on the `test` split of the 人民日报 commentaries and of the laws,
 * and on PDFs (the held-out commentaries' browser prints, two labelled article PDFs);
 * `--write` records them in bench/RESULTS.md. The shipped model (`npm run train:topics`) is
 * trained the same way on every labelled document.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interval, topicFigures, type TopicFigures } from '../test/support/topic-figures';

const dir = mkdtempSync(join(tmpdir(), 'bench-topics-'));
try {
  const q = await topicFigures(dir);
  const span = (f: TopicFigures, figure: Parameters<typeof interval>[1]): string => interval(f, figure).map((x) => x.toFixed(2)).join('–');
  const row = (name: string, f: TopicFigures): string =>
    `| ${name} | ${f.documents} | **${f.exactTop1.toFixed(3)}** (${span(f, 'exactTop1')}) | ${f.relatedTop1.toFixed(3)} | **${f.foundTop3.toFixed(3)}** (${span(f, 'foundTop3')}) | **${f.shownPrecision.toFixed(3)}** (${span(f, 'shownPrecision')}) | ${f.shownPerDoc.toFixed(2)} |`;
  const misses = (f: TopicFigures): string[] => f.rows.filter((r) => !r.labels.includes(r.top3[0] ?? '')).map((r) => `- ${r.file.split('/').pop()}: labelled ${r.labels.join('、')}; suggested ${r.top3.join('、') || '—'}`);
  const lines = [
    `### Topic suggestions — measured ${new Date().toISOString().slice(0, 16)}Z`,
    '',
    `A classifier and its ranker trained on the ${q.trainedOn} labelled documents of the \`tune\` split, measured on the held-out \`test\` split (labels written by hand before looking at suggestions; test/data/*-labels.json). Parent or child counts as related; "shown" are the suggestions the reader shows and import applies as 推荐 tags. In brackets, the 95 % bootstrap interval over the documents: how far each figure could move with another sample of as many.`,
    '',
    '| held-out set | documents | exact top-1 (≥ 0.85) | top-1, parent/child | labels in top 3 (≥ 0.90) | precision of shown (≥ 0.80) | shown per document |',
    '|---|---|---|---|---|---|---|',
    row('人民日报 commentaries', q.rmrb),
    row('laws and the article fixture', q.laws),
    row('PDFs: held-out commentaries printed by a browser, two article PDFs', q.pdf),
    '',
    `科目 申论·策论 offered (suggested apart from themes, from the column's name or, for a body saved without it, a text that argues about an exam theme): **${q.rmrb.essayShare.toFixed(2)}** of the held-out commentaries, ${q.laws.essayShare.toFixed(2)} of the held-out laws, ${q.web.essayShare.toFixed(2)} of the ${q.web.documents} miscellaneous cwce web pages (blogs, news, forums, health tips).`,
    '',
    `A held-out commentary printed to PDF by a browser, alone in a library, gets the first suggestion of its HTML page in ${q.printed.sameFirst} of ${q.printed.documents} cases, the same first three in ${q.printed.sameTop3}.`,
    '',
    '<details><summary>Held-out commentaries whose first suggestion is not a label</summary>',
    '',
    ...misses(q.rmrb),
    '',
    '</details>',
    '',
    '<details><summary>PDFs: labels and suggestions</summary>',
    '',
    ...q.pdf.rows.map((r) => `- ${r.file.split('/').pop()}: labelled ${r.labels.join('、')}; suggested ${r.top3.join('、') || '—'}; shown ${r.shown.join('、') || '—'}`),
    '',
    '</details>',
  ];
  console.log(lines.join('\n'));
  if (process.argv.includes('--write')) {
    const path = join(import.meta.dirname, 'RESULTS.md');
    const current = readFileSync(path, 'utf8');
    const start = current.indexOf('<!-- topics:start -->');
    const end = current.indexOf('<!-- topics:end -->');
    const section = `<!-- topics:start -->\n${lines.join('\n')}\n<!-- topics:end -->`;
    writeFileSync(path, start >= 0 && end > start ? current.slice(0, start) + section + current.slice(end + '<!-- topics:end -->'.length) : `${current}\n${section}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
