import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import { libraryFile } from './library-file';

describe('library files for the reader', () => {
  let root: string;
  let library: string;

  beforeAll(async () => {
    root = await tempDir('libfile-');
    library = join(root, 'library');
    await mkdir(join(library, 'files', 'ab'), { recursive: true });
    await mkdir(join(library, 'text'), { recursive: true });
    await writeFile(join(library, 'files', 'ab', 'doc.pdf'), '%PDF-1.4 0123456789');
    await writeFile(join(library, 'files', 'ab', 'page.html'), '<script>alert(1)</script>');
    await writeFile(join(library, 'text', 'd_1.txt'), '为基层减负');
    await writeFile(join(library, 'yandu.json'), '{"secret":true}');
    await writeFile(join(root, 'outside.txt'), 'outside');
    await symlink(join(root, 'outside.txt'), join(library, 'files', 'ab', 'link.pdf'));
    await symlink(root, join(library, 'files', 'up'));
  });

  it('serves a file of files/ and text/ with its type, and a range of it', async () => {
    const whole = await libraryFile(library, '/files/ab/doc.pdf');
    expect(whole.status).toBe(200);
    expect(whole.headers['Content-Type']).toBe('application/pdf');
    expect(whole.headers['Content-Length']).toBe('19');
    expect(whole.headers['Content-Security-Policy']).toContain('sandbox');
    const part = await libraryFile(library, '/files/ab/doc.pdf', 'bytes=9-12');
    expect([part.status, part.start, part.end, part.headers['Content-Range']]).toEqual([206, 9, 12, 'bytes 9-12/19']);
    expect((await libraryFile(library, '/files/ab/doc.pdf', 'bytes=-4')).headers['Content-Range']).toBe('bytes 15-18/19');
    expect((await libraryFile(library, '/files/ab/doc.pdf', 'bytes=50-')).status).toBe(416);
    expect((await libraryFile(library, '/text/d_1.txt')).headers['Content-Type']).toBe('text/plain; charset=utf-8');
    expect((await libraryFile(library, '/files/ab/none.pdf')).status).toBe(404);
  });

  it('sends pages downloaded from anywhere as attachments, never as HTML', async () => {
    const page = await libraryFile(library, '/files/ab/page.html');
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('application/octet-stream');
    expect(page.headers['Content-Disposition']).toBe('attachment');
  });

  it.each([
    ['.. segments', '/files/../../outside.txt'],
    ['encoded ..', '/files/%2e%2e/%2e%2e/outside.txt'],
    ['encoded slashes', '/files%2F..%2F..%2Foutside.txt'],
    ['an absolute path', '/ROOT/outside.txt'],
    ['an encoded absolute path', '/%2FROOT%2Foutside.txt'],
    ['an absolute path under files/', '/files/%2Fetc%2Fpasswd'],
    ['a drive letter', '/files/C:/Windows/win.ini'],
    ['backslashes', '/files\\..\\..\\outside.txt'],
    ['a NUL byte', '/files/ab/doc.pdf%00.txt'],
    ['a malformed escape', '/files/%E0%A4%A'],
    ['a symlinked file that leads out', '/files/ab/link.pdf'],
    ['a symlinked folder that leads out', '/files/up/outside.txt'],
    ['a library file outside files/ and text/', '/yandu.json'],
    ['the library folder itself', '/'],
  ])('refuses %s with 403', async (_, path) => {
    // ROOT stands for the folder that holds the library (known only once the test runs).
    const reply = await libraryFile(library, path.replace('ROOT', root.slice(1)));
    expect(reply.status).toBe(403);
    expect(reply.path).toBeUndefined();
  });
});
