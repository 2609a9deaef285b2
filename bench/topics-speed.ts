/**
 * What topic suggestions cost on import (`npm run bench`): 1,000 distinct 人民日报 commentaries
 * (the 276 real ones, each title numbered, four times over) imported through core into a library
 * in use (one document already there and opened, so its phrase statistics exist) with automatic
 * topics on, and into another with them off, alternating (off, on, on, off, …: seven of each) so
 * that drift of the machine falls on both; the medians are compared, with the CPU time of all
 * threads beside the wall time.
 *
 * @example
 * console.log(await benchTopicsOnImport()); // → a Markdown table row
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/index';
import { SHARED } from '../test/support/shared';

const RMRB = join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'html');
const COUNT = 1_000;

export async function benchTopicsOnImport(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-topics-import-'));
  try {
    const sources = readdirSync(RMRB).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(RMRB, f), 'utf8'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'first.html'), sources[0]!.replace(/<h2>/, '<h2>先导入的一篇 '));
    for (let i = 0; i < COUNT; i++) {
      const page = sources[i % sources.length]!.replace(/<h2>/, `<h2>${i} `).replace(/<title>/, `<title>${i} `);
      writeFileSync(join(dir, 'in', `${i}.html`), page);
    }
    const run = async (auto: boolean, round: number): Promise<{ ms: number; tagged: number; cpuMs: number }> => {
      const libraryDir = join(dir, `lib-${auto ? 'on' : 'off'}-${round}`);
      const core = await createCore({ libraryDir });
      try {
        await core.api.setPreferences({ autoTopics: auto });
        const first = await core.api.addPaths({ paths: [join(dir, 'first.html')] });
        await core.api.getDocument({ id: first.added[0]!.id });
        const start = performance.now();
        const cpu = process.cpuUsage();
        const report = await core.api.addPaths({ paths: [join(dir, 'in')] });
        const ms = performance.now() - start;
        const used = process.cpuUsage(cpu);
        const cpuMs = (used.user + used.system) / 1000;
        if (report.added.length !== COUNT) throw new Error(`bench: ${report.added.length} of ${COUNT} added; ${report.failed[0]?.error ?? ''}`);
        const tagged = (await core.api.listDocuments({})).filter((d) => d.recommendedTopics?.length && d.id !== first.added[0]!.id).length;
        return { ms, tagged, cpuMs };
      } finally {
        await core.close();
        rmSync(libraryDir, { recursive: true, force: true });
      }
    };
    await run(false, 0); // warm: workers, disk cache
    const off: { ms: number; tagged: number; cpuMs: number }[] = [];
    const on: { ms: number; tagged: number; cpuMs: number }[] = [];
    // ABBA order, seven of each: drift of the machine falls on both sides.
    for (let round = 0; round < 14; round++) {
      const auto = round % 4 === 1 || round % 4 === 2;
      (auto ? on : off).push(await run(auto, round));
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const offMs = median(off.map((r) => r.ms));
    const onMs = median(on.map((r) => r.ms));
    const tagged = median(on.map((r) => r.tagged));
    const cost = (onMs / offMs - 1) * 100;
    const cpuCost = (median(on.map((r) => r.cpuMs)) / median(off.map((r) => r.cpuMs)) - 1) * 100;
    const runs = (xs: { ms: number }[]): string => xs.map((r) => (r.ms / 1000).toFixed(2)).join(', ');
    return `| Topic suggestions on import: 1,000 commentaries through core with 推荐 tags on / off (alternating, medians of 7) | ${(onMs / 1000).toFixed(1)} s / ${(offMs / 1000).toFixed(1)} s → **${cost >= 0 ? '+' : ''}${cost.toFixed(1)} %** (${tagged} of 1,000 got 推荐 tags; CPU time of all threads ${cpuCost >= 0 ? '+' : ''}${cpuCost.toFixed(1)} %; runs on: ${runs(on)} s, off: ${runs(off)} s) | ≤ +10 % |`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
