/**
 * `npm run bench`: every benchmark, printed as Markdown tables; `--write` replaces the import
 * section of bench/RESULTS.md with this run's figures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCwce, evaluateOthers, evaluateReadability } from './html-quality';
import { benchBigPdf, benchHtml, benchPdf, benchResync } from './import';
import { benchOtherForms } from './forms';
import { benchReview } from './review';
import { benchScale } from './scale';
import { benchTopicsOnImport } from './topics-speed';

const lines: string[] = [];
const say = (s: string): void => {
  console.log(s);
  lines.push(s);
};

say(`### Import — measured ${new Date().toISOString().slice(0, 16)}Z on this machine (2 cores)\n`);
say('| what | result | target |');
say('|---|---|---|');
say(await benchHtml());
say(await benchPdf());
say(await benchResync());
say(benchBigPdf());
say(await benchTopicsOnImport());
say('\n### A 20,000-document library (laws cut at their chapters)\n');
say('| what | result | target |');
say('|---|---|---|');
for (const row of await benchScale()) say(row);
say(await benchOtherForms());
say('\n### 复习 at scale (10,000 cards, 100,000 log entries)\n');
say('| what | result | target |');
say('|---|---|---|');
for (const row of await benchReview()) say(row);

const cwce = evaluateCwce();
const mean = cwce.reduce((n, r) => n + r.f1, 0) / cwce.length;
const authors = cwce.filter((r) => r.author);
const dates = cwce.filter((r) => r.date);
say(`\n### Article extraction quality (cwce, character F1 against cleaned/)\n`);
say(`Mean F1 **${mean.toFixed(3)}** (target ≥ 0.93), lowest ${Math.min(...cwce.map((r) => r.f1)).toFixed(3)} (target ≥ 0.5). ` +
  `Author right on ${authors.filter((r) => r.author!.ok).length}/${authors.length} pages whose gold names one; date on ${dates.filter((r) => r.date!.ok).length}/${dates.length}.`);
const readability = evaluateReadability();
say(`For comparison, @mozilla/readability on the same pages (same decoding, same DOM): mean F1 ${readability.mean.toFixed(3)}, lowest ${readability.min.toFixed(3)}.\n`);
say('| page | F1 | precision | recall | author (gold / ours) | date (gold / ours) |');
say('|---|---|---|---|---|---|');
for (const r of [...cwce].sort((a, b) => a.f1 - b.f1)) {
  const author = r.author ? `${r.author.ok ? '✓' : '✗'} ${r.author.expected} / ${r.author.got ?? '—'}` : '—';
  const date = r.date ? `${r.date.ok ? '✓' : '✗'} ${r.date.expected} / ${r.date.got ?? '—'}` : '—';
  say(`| ${r.name.slice(0, 8)} | ${r.f1.toFixed(3)} | ${r.precision.toFixed(2)} | ${r.recall.toFixed(2)} | ${author} | ${date} |`);
}
say('\n| other pages | F1 | title |');
say('|---|---|---|');
for (const r of evaluateOthers()) say(`| ${r.set}/${r.name} | ${r.f1.toFixed(3)} | ${r.title ? `${r.title.ok ? '✓' : '✗'} ${r.title.got}` : '—'} |`);

if (process.argv.includes('--write')) {
  const path = join(import.meta.dirname, 'RESULTS.md');
  const current = readFileSync(path, 'utf8');
  const start = current.indexOf('<!-- import:start -->');
  const end = current.indexOf('<!-- import:end -->');
  const section = `<!-- import:start -->\n${lines.join('\n')}\n<!-- import:end -->`;
  writeFileSync(path, start >= 0 && end > start ? current.slice(0, start) + section + current.slice(end + '<!-- import:end -->'.length) : `${current}\n${section}\n`);
}
