/**
 * The same article saved twice as different files is one document that knows both places;
 * an article that only shares the title is not.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const FIXTURE = readFileSync(join(SHARED, 'fixtures', 'beichen-article.html'), 'utf8');

describe('saved twice', () => {
  it('keeps one document with both origins', async () => {
    const dir = await tempDir('dedupe-');
    const core = await createCore({ libraryDir: join(dir, 'library') });
    try {
      const first = join(dir, '整治指尖上的形式主义.html');
      const second = join(dir, '整治指尖上的形式主义 (1).html');
      const other = join(dir, '同名不同文.html');
      await writeFile(first, FIXTURE);
      // Another site's copy: other boilerplate, other spacing and punctuation in the body.
      await writeFile(second, FIXTURE.replace('北辰遴选 -做中国遴选学习平台', '另一个网站 版权所有').replaceAll('　　', '').replaceAll(',', '，'));
      await writeFile(
        other,
        FIXTURE.replace(/<div class="content" id="content">[\s\S]*?<\/div>/, `<div class="content">${'<p>另一篇同题文章，讨论的是乡村振兴和农业农村现代化的路径选择，与前文内容完全不同。</p>'.repeat(5)}</div>`),
      );
      const report = await core.api.addPaths({ paths: [first, second, other] });
      expect(report.failed).toEqual([]);
      expect(report.added).toHaveLength(2);
      expect(report.unchanged).toEqual([{ id: report.added[0]!.id, path: second }]);
      const docs = await core.api.listDocuments({});
      expect(docs).toHaveLength(2);
      expect(docs.find((d) => d.id === report.added[0]!.id)).toMatchObject({ sourcePath: first, alsoAt: [second] });
    } finally {
      await core.close();
    }
  });
});
