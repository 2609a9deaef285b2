/**
 * `npm run bench:topics`: precision@3 and recall@5 of topic suggestions on the hand-labelled
 * documents (test/data/topic-labels.json), with the documents that miss; then the figures of
 * issue 16 on the 人民日报 commentaries' held-out part (test/data/rmrb-topic-labels.json);
 * `--write` records them in bench/RESULTS.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmrbTopicQuality } from '../test/support/rmrb-topic-quality';
import { topicQuality } from '../test/support/topic-quality';

const dir = mkdtempSync(join(tmpdir(), 'bench-topics-'));
try {
  const q = await topicQuality(dir);
  const lines = [
    `### Topic suggestions — measured ${new Date().toISOString().slice(0, 16)}Z`,
    '',
    `On ${q.documents} hand-labelled documents (75 laws of the shared corpus labelled by subject, and the article fixture; a suggestion is right when it is a labelled topic or its parent or child):`,
    '',
    '| measure | result |',
    '|---|---|',
    `| precision@3 (right suggestions among the first three) | **${q.precisionAt3.toFixed(3)}** |`,
    `| recall@5 (labels found among the first five) | **${q.recallAt5.toFixed(3)}** |`,
    '',
    'Most documents carry one label, so three suggestions cannot all be right: precision@3 is bounded well under 1 on this set. Documents whose labels are not all in the first five:',
    '',
    ...q.rows.filter((r) => r.found5 < r.labels.length).map((r) => `- ${r.file.split('/').pop()}: labelled ${r.labels.join('、')}; suggested ${r.top5.join('、') || '—'}`),
  ];
  const r = await rmrbTopicQuality(join(dir, 'rmrb'), 'test');
  lines.push(
    '',
    `On the ${r.documents} held-out 人民日报 commentaries (test/data/rmrb-topic-labels.json, split \`test\`; labelled by hand before looking at suggestions; ${r.proposedLabels} of their ${r.labels} labels are on themes the taxonomy does not have yet):`,
    '',
    '| measure | result | target |',
    '|---|---|---|',
    `| exact top-1 | **${r.exactTop1.toFixed(3)}** | ≥ 0.85 |`,
    `| top-1, parent or child counting | ${r.relatedTop1.toFixed(3)} | — |`,
    `| labels found in the top 3 (parent or child counting) | **${r.foundTop3.toFixed(3)}** | ≥ 0.90 |`,
    `| precision of the shown suggestions (the first three) | **${r.shownPrecision.toFixed(3)}** | ≥ 0.80 |`,
  );
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
