/**
 * Imports that run at the same time in one process: three `addPaths` of the same files sent at
 * once (as three drops, or three CLI commands sent to `yandu serve`) give each file once; empty
 * files of different kinds each fail with their own reason.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { tempDir } from '../support/tmp';
import { RMRB, twinNames } from '../support/twins';

describe('concurrent imports in one process', () => {
  it('give each of the same files once, however many batches bring them at once', async () => {
    const dir = await tempDir('concurrent-');
    const files = join(dir, 'files');
    await mkdir(files);
    const names = twinNames().slice(0, 20);
    for (const name of names) {
      await copyFile(join(RMRB, 'html', `${name}.html`), join(files, `${name}.html`));
      await copyFile(join(RMRB, 'pdf', `${name}.pdf`), join(files, `${name}.pdf`));
    }
    const core = await createCore({ libraryDir: join(dir, 'library') });
    try {
      const reports = await Promise.all([1, 2, 3].map(() => core.api.addPaths({ paths: [files] })));
      for (const report of reports) expect(report.failed).toEqual([]);
      const docs = await core.api.listDocuments({});
      // 20 articles, each with its PDF as its other form.
      expect(docs).toHaveLength(20);
      expect(docs.every((d) => d.forms?.length === 1)).toBe(true);
      expect(reports.reduce((n, r) => n + r.added.length, 0)).toBe(20);
      expect(new Set(docs.map((d) => d.sourcePath)).size).toBe(20);
    } finally {
      await core.close();
    }
  }, 180_000);

  it('fails empty files of different kinds each with its own reason', async () => {
    const dir = await tempDir('empty-');
    const files = join(dir, 'files');
    await mkdir(files);
    for (const name of ['a.md', 'b.txt', 'c.html', 'd.pdf']) await writeFile(join(files, name), '');
    const core = await createCore({ libraryDir: join(dir, 'library') });
    try {
      const report = await core.api.addPaths({ paths: [files] });
      expect(report.added).toEqual([]);
      const reasons = Object.fromEntries(report.failed.map((f) => [f.path.replace(/^.*\//, ''), f.error]));
      expect(Object.keys(reasons).sort()).toEqual(['a.md', 'b.txt', 'c.html', 'd.pdf']);
      for (const reason of Object.values(reasons)) expect(reason).not.toMatch(/copy of a file/);
      expect(reasons['a.md']).toMatch(/没有可读的文字/);
      expect(reasons['d.pdf']).toMatch(/PDF/);
    } finally {
      await core.close();
    }
  }, 60_000);
});
