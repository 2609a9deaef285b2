/**
 * A library at scale: 20,000 documents of real text (the laws corpus, each law cut at its
 * chapters into documents of its own, as a member's chapter downloads would be), built through
 * core as a user's imports would build it. Measured in the same run:
 * - importing 1,000 documents into an empty library, and 1,000 more into the 20,000: time per
 *   document, and the ratio (target ≤ 1.2×);
 * - opening the 20,000-document library to its first list (`createCore` → `listDocuments`;
 *   target ≤ 1 s);
 * - a reading-position save, p95 over 300, at 20,000 documents and at 20 (target ≤ 5 ms);
 * - the 资料库 page's filtering and sorting (`arrange`) over the 20,000 summaries, p95 (target ≤ 100 ms);
 * - one `yandu show` and one `yandu search` (the built CLI, `bin/yandu.js`) at 10,000 documents
 *   and at the full size: wall and CPU time, median of 5, against `node -e ''` in the same run
 *   (target ≤ 0.3 s wall on 10,000 documents).
 *
 * @example
 * const rows = await benchScale(); // → Markdown table rows
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createCore, type Core } from '../electron/core/index';
import { arrange, type LibraryView } from '../renderer/src/pages/library/view';
import { SHARED } from '../test/support/shared';

export const SCALE_DOCS = 20_000;
/** The CLI's target is stated at this size (it is timed at the full size too). */
const CLI_DOCS = 10_000;

/** The ids of a closed library's documents, in its order (read from \`yandu.json\`). */
function listIds(libraryDir: string): string[] {
  return (JSON.parse(readFileSync(join(libraryDir, 'yandu.json'), 'utf8')) as { documents: { id: string }[] }).documents.map((d) => d.id);
}
const STEP = 1_000;

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(0));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** The laws, cut at their chapters (第…章) into Markdown files of their own, until `count`. */
export function chapterFiles(work: string, count: number): string[] {
  execFileSync('tar', ['-xJf', join(SHARED, 'corpus', 'text', 'laws.tar.xz'), '-C', work]);
  const out = join(work, 'docs');
  mkdirSync(out);
  const files: string[] = [];
  const laws = walk(join(work, 'laws')).sort();
  for (let round = 0; files.length < count; round++) {
    for (const law of laws) {
      const title = basename(law, '.md');
      const parts = readFileSync(law, 'utf8').split(/\n(?=#* *第[一二三四五六七八九十百]+章)/);
      // Round 0: one file per chapter; later rounds (if ever needed): pairs of chapters.
      const pieces = round === 0 ? parts : parts.slice(0, -1).map((p, i) => `${p}\n${parts[i + 1]}`);
      pieces.forEach((text, i) => {
        if (files.length >= count || text.replace(/\s/g, '').length < 200) return;
        const file = join(out, `${files.length}.md`);
        writeFileSync(file, `# ${title}（${round ? '合编' : '分章'}${i + 1}）\n\n${text}`);
        files.push(file);
      });
      if (files.length >= count) break;
    }
    if (round > 3) break;
  }
  return files;
}

async function importTimed(core: Core, files: string[]): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < files.length; i += 500) {
    const report = await core.api.addPaths({ paths: files.slice(i, i + 500) });
    if (report.failed.length) throw new Error(`scale: ${report.failed.length} failed: ${report.failed[0]!.error}`);
  }
  return (performance.now() - t) / files.length;
}

/** Wall and CPU seconds (user + system, from /usr/bin/time) of a command, median of `runs` by wall time. */
function timed(args: string[], runs = 5): { wall: number; cpu: number } {
  const rows: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S', ...args], { encoding: 'utf8' });
    const line = /TIME ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
    if (run.status !== 0 || !line) throw new Error(`scale: ${args.join(' ')} failed: ${run.stderr.slice(-500)}`);
    rows.push({ wall: Number(line[1]), cpu: Number(line[2]) + Number(line[3]) });
  }
  return rows.sort((a, b) => a.wall - b.wall)[Math.floor(runs / 2)]!;
}

async function positionP95(core: Core, ids: string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    await core.api.savePosition({ id: ids[i % ids.length]!, fraction: (i % 100) / 100 });
    times.push(performance.now() - t);
  }
  return pct(times, 95);
}

export async function benchScale(): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'yandu-scale-'));
  try {
    const files = chapterFiles(work, SCALE_DOCS + 2 * STEP + 20);
    const small = join(work, 'small');
    const big = join(work, 'big');

    // Position saves in a library of 20 (the baseline).
    let core = await createCore({ libraryDir: small, watch: false });
    await core.api.addPaths({ paths: files.slice(-20) });
    const smallIds = (await core.api.listDocuments({})).map((d) => d.id);
    const position20 = await positionP95(core, smallIds);
    await core.close();

    core = await createCore({ libraryDir: big, watch: false });
    const first = await importTimed(core, files.slice(0, STEP));
    await importTimed(core, files.slice(STEP, CLI_DOCS));
    await core.api.search({ query: '安全', limit: 1 }); // the index in step before it is saved
    await core.close();
    // The CLI on 10,000 documents (its target), built (npm run build): one answer each.
    const bin = join(import.meta.dirname, '..', 'bin', 'yandu.js');
    const probe = listIds(big)[CLI_DOCS >> 1]!;
    const cli = (at: number): string[] => {
      const baseline = timed([process.execPath, '-e', '']);
      const show = timed([process.execPath, bin, 'show', probe, '--library', big, '--json']);
      const search = timed([process.execPath, bin, 'search', '安全生产', '--library', big, '--json']);
      const row = (what: string, t: { wall: number; cpu: number }): string =>
        `| \`yandu ${what}\` on ${at.toLocaleString('en')} documents (median of 5) | **${t.wall.toFixed(2)} s** wall, ${t.cpu.toFixed(2)} s CPU (\`node -e ''\`: ${baseline.wall.toFixed(2)} s, ${baseline.cpu.toFixed(2)} s) | ≤ 0.3 s wall at 10,000 |`;
      return [row('show ID', show), row('search 安全生产', search)];
    };
    const cliRows = cli(CLI_DOCS);
    core = await createCore({ libraryDir: big, watch: false });
    await importTimed(core, files.slice(CLI_DOCS, SCALE_DOCS));
    await core.close();
    core = await createCore({ libraryDir: big, watch: false });
    const more = await importTimed(core, files.slice(SCALE_DOCS, SCALE_DOCS + STEP));
    await core.close();

    // Open to first list, three times (the page cache warm after the first), the median.
    const opens: number[] = [];
    let docs = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      core = await createCore({ libraryDir: big, watch: false });
      docs = (await core.api.listDocuments({})).length;
      opens.push(performance.now() - t);
      if (i < 2) await core.close();
    }
    const summaries = await core.api.listDocuments({});
    // Saves as a reader makes them, once the library has settled (its search index open: while it
    // opens in the background, the first second's saves wait behind it).
    await core.api.search({ query: '安全生产', limit: 5 });
    const position20k = await positionP95(core, summaries.slice(0, 500).map((d) => d.id));
    await core.close();

    // …and on the whole library.
    const cliRowsBig = cli(docs);

    const views: LibraryView[] = [
      { sort: 'added', desc: true },
      { sort: 'title', desc: false },
      { sort: 'published', desc: true, kind: 'text' },
      { sort: 'added', desc: true, text: '安全 生产' },
      { sort: 'title', desc: true, text: '条例' },
      { sort: 'progress', desc: true, source: 'manual' },
    ];
    const arrangeTimes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t = performance.now();
      arrange(summaries, views[i % views.length]!);
      arrangeTimes.push(performance.now() - t);
    }
    const ratio = more / first;
    return [
      `| import into an empty library (${STEP} documents) | ${ms(first)} ms per document | baseline |`,
      `| import into the ${docs.toLocaleString('en')}-document library (${STEP} more) | ${ms(more)} ms per document, **${ratio.toFixed(2)}×** | ≤ 1.2× |`,
      `| open the ${docs.toLocaleString('en')}-document library to its first list | **${ms(pct(opens, 50))} ms** (median of 3; first ${ms(opens[0]!)} ms) | ≤ 1 s |`,
      `| reading-position save, p95 of 300 | **${ms(position20k)} ms** at ${docs.toLocaleString('en')} documents, ${ms(position20)} ms at 20 | ≤ 5 ms |`,
      `| 资料库 filter and sort (\`arrange\`) over ${summaries.length.toLocaleString('en')} documents, p95 of 60 in 6 views | **${ms(pct(arrangeTimes, 95))} ms** | ≤ 100 ms |`,
      ...cliRows,
      ...cliRowsBig,
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| what | result | target |\n|---|---|---|');
  for (const row of await benchScale()) console.log(row);
}
