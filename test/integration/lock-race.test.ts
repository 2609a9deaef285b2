/**
 * One writer per library when processes start together: six real processes race for the lock of
 * one library, on a free library and on one with a stale lock (a crashed holder's), five rounds
 * each: exactly one holds it each round. Then three `yandu add` commands at once on a library with
 * a stale lock: every file a command reports as added is in the library afterwards.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../electron/core/store/lock';
import { yandu } from '../support/cli';
import { tempDir } from '../support/tmp';

const CONTENDER = join(import.meta.dirname, '..', 'support', 'lock-contender.ts');

function contender(dir: string, go: string): Promise<{ got: boolean; from?: number; to?: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER, dir, go, '300'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}')));
  });
}

async function round(stale: boolean): Promise<{ got: boolean; from?: number; to?: number }[]> {
  const dir = await tempDir('lock-race-');
  if (stale) await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 4321, owner: 'crashed', since: 1 }));
  const go = join(dir, 'go');
  const racing = Array.from({ length: 6 }, () => contender(dir, go));
  // Let every process load and wait for the start.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await writeFile(go, '');
  return Promise.all(racing);
}

describe('the library lock under a race of processes', () => {
  for (const stale of [false, true]) {
    it(`lets exactly one of six in, ${stale ? 'over a stale lock' : 'on a free library'} (5 rounds)`, async () => {
      for (let r = 0; r < 5; r++) {
        const results = await round(stale);
        const holders = results.filter((x) => x.got);
        // Holding is 300 ms; a refused process does not retry, so exactly one holds it.
        expect(holders, `round ${r}: ${JSON.stringify(results)}`).toHaveLength(1);
      }
    }, 120_000);
  }

  it('keeps every file that a racing `yandu add` reports as added', async () => {
    const dir = await tempDir('add-race-');
    const library = join(dir, 'library');
    await yandu(['list', '--library', library]); // creates it
    await writeFile(join(library, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 999, owner: 'crashed', since: 1 }));
    const files = [1, 2, 3].map((i) => join(dir, `note-${i}.md`));
    await Promise.all(files.map((f, i) => writeFile(f, `# 笔记${i}\n\n第${i}篇笔记的内容。`)));
    const runs = await Promise.all(files.map((f) => yandu(['add', f, '--library', library, '--json'])));
    const reported = runs.filter((r) => r.code === 0).flatMap((r) => (JSON.parse(r.stdout) as { added: { id: string }[] }).added.map((a) => a.id));
    // At least one got the library; the others were refused with a clear message, not lost in silence.
    expect(reported.length).toBeGreaterThanOrEqual(1);
    for (const r of runs.filter((x) => x.code !== 0)) expect(r.stderr).toMatch(/open in another Yandu process|正被另一个研读进程使用/);
    const listed = JSON.parse((await yandu(['list', '--library', library, '--json'])).stdout) as { id: string }[];
    for (const id of reported) expect(listed.map((d) => d.id)).toContain(id);
    expect(listed).toHaveLength(reported.length);
  }, 120_000);
});
