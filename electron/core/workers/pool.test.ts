import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import { createWorkerPool } from './pool';

/** A worker that answers at once, or spins forever when asked to. */
const WORKER = `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.spin) for (;;);
  parentPort.postMessage({ ok: true, result: m.value * 2 });
});`;

describe('worker pool time limit', () => {
  it('fails a job that runs too long, stops its worker, and goes on with the next jobs', async () => {
    const dir = await tempDir('pool-');
    const entry = join(dir, 'worker.mjs');
    await writeFile(entry, WORKER);
    const pool = createWorkerPool(pathToFileURL(entry), 1, { jobTimeoutMs: 500 });
    try {
      const start = Date.now();
      const stuck = pool.run({ spin: true });
      const after = pool.run<number>({ value: 21 });
      await expect(stuck).rejects.toThrow(/longer than 1 s|longer than 0 s|超过/);
      expect(await after).toBe(42);
      expect(Date.now() - start).toBeLessThan(10_000);
      expect(await pool.run<number>({ value: 1 })).toBe(2);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('ends a job under way when the pool is closed, instead of leaving it waiting forever', async () => {
    const dir = await tempDir('pool-close-');
    const entry = join(dir, 'worker.mjs');
    await writeFile(entry, WORKER);
    const pool = createWorkerPool(pathToFileURL(entry), 1);
    const stuck = pool.run({ spin: true }).then(
      () => 'answered',
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pool.close();
    expect(await stuck).toMatch(/closed/);
  }, 30_000);
});
