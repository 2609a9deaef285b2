/**
 * Files that are not documents, given to import directly or found in a folder: a FIFO (reading
 * it would wait forever for a writer), a link to /dev/zero (endless, and `stat` says 0 bytes), a
 * directory named like a document. Each is refused with a reason, in bounded time and memory,
 * and the real note beside them is imported.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { tempDir } from '../support/tmp';

describe.skipIf(process.platform === 'win32')('files that are not documents', () => {
  it('are refused with a reason, quickly, and the rest is imported', async () => {
    const dir = await tempDir('odd-');
    const files = join(dir, 'files');
    await mkdir(files);
    execFileSync('mkfifo', [join(files, 'pipe.md')]);
    await symlink('/dev/zero', join(files, 'zero.txt'));
    await mkdir(join(files, 'folder.pdf'));
    await writeFile(join(files, 'note.md'), '# 笔记\n\n为基层减负。');
    // A name in GBK bytes (基层.md), as an archive from another system unpacks it.
    await writeFile(Buffer.concat([Buffer.from(`${files}/`), Buffer.from([0xbb, 0xf9, 0xb2, 0xe3]), Buffer.from('.md')]), '# 基层\n\n正文');
    const core = await createCore({ libraryDir: join(dir, 'library') });
    try {
      const heapBefore = process.memoryUsage().rss;
      const start = Date.now();
      const direct = await core.api.addPaths({ paths: [join(files, 'pipe.md'), join(files, 'zero.txt')] });
      const walked = await core.api.addPaths({ paths: [files] });
      expect(Date.now() - start).toBeLessThan(20_000);
      expect(process.memoryUsage().rss - heapBefore).toBeLessThan(600 * 2 ** 20);
      expect(direct.added).toEqual([]);
      expect(direct.failed.map((f) => f.error)).toEqual([expect.stringMatching(/not a regular file|不是普通文件/), expect.stringMatching(/not a regular file|不是普通文件/)]);
      expect(walked.added.map((a) => a.path.replace(/^.*\//, ''))).toEqual(['note.md']);
      expect(walked.failed.filter((f) => /not valid UTF-8/.test(f.error))).toHaveLength(1);
      for (const failure of walked.failed) expect(failure.error).toMatch(/not a regular file|不是普通文件|not valid UTF-8/);
    } finally {
      await core.close();
    }
  }, 60_000);
});
