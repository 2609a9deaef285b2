import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, parse } from 'node:path';
import { describe, expect, it } from 'vitest';
import { YanduError } from '../../shared/errors';
import { browseFolders } from './browse';

describe('choosing a folder in the app', () => {
  it('lists the sub-folders (not hidden ones), the documents right there, the parent and places to start', async () => {
    const root = await mkdtemp(join(tmpdir(), 'yandu-browse-'));
    for (const d of ['政策文件', 'b-notes', '.cache', 'a-papers']) await mkdir(join(root, d));
    await writeFile(join(root, '评论.html'), '<p>x</p>');
    await writeFile(join(root, 'notes.md'), '# x');
    await writeFile(join(root, 'setup.exe'), 'MZ');
    await writeFile(join(root, '.hidden.md'), '# x');
    const listing = await browseFolders(root, { home: root, downloadsDir: join(root, 'b-notes') });
    expect(listing.path).toBe(root);
    expect(listing.folders.map((f) => f.name).sort()).toEqual(['a-papers', 'b-notes', '政策文件']); // in the user's collation
    expect(listing.folders.find((f) => f.name === 'a-papers')!.path).toBe(join(root, 'a-papers'));
    expect(listing.documents).toBe(2);
    expect(listing.parent).toBe(join(root, '..'));
    expect(listing.places).toEqual([
      { kind: 'home', path: root },
      { kind: 'downloads', path: join(root, 'b-notes') },
      { kind: 'root', path: parse(root).root },
    ]);
    // No path: the home folder.
    expect((await browseFolders(undefined, { home: root })).path).toBe(root);
    // The root has no parent.
    expect((await browseFolders(parse(root).root)).parent).toBeUndefined();
  });

  it('refuses a file or a path that is not there, with a clear error', async () => {
    const root = await mkdtemp(join(tmpdir(), 'yandu-browse-'));
    await writeFile(join(root, 'a.txt'), 'x');
    for (const path of [join(root, 'a.txt'), join(root, 'gone')]) {
      const error = await browseFolders(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(YanduError);
      expect(error).toMatchObject({ code: 'not-found', key: 'files.not-folder' });
    }
  });
});
