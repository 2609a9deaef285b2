/**
 * Small real files for tests, written into a temporary folder: Markdown and text notes in UTF-8
 * and GBK, a partial download, an unsupported file.
 *
 * @example
 * const dir = await writeNotes(await tempDir());
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const NOTE_MD = '# 整治“指尖上的形式主义”\n\n形式主义向来是推动党和国家事业发展的大敌，要为**基层减负**。\n';
export const NOTE_TXT = '数字政府建设\n推进数字政府建设，让数据多跑路、群众少跑腿，为基层减负。\n';
/** GBK bytes of "基层治理\n基层减负" (Node can decode GBK but not encode it). */
export const NOTE_GBK = new Uint8Array([0xbb, 0xf9, 0xb2, 0xe3, 0xd6, 0xce, 0xc0, 0xed, 0x0a, 0xbb, 0xf9, 0xb2, 0xe3, 0xbc, 0xf5, 0xb8, 0xba]);

export async function writeNotes(dir: string): Promise<{ md: string; txt: string; gbk: string; folder: string }> {
  const folder = join(dir, 'notes');
  await mkdir(join(folder, 'sub'), { recursive: true });
  const md = join(folder, '指尖上的形式主义.md');
  const txt = join(folder, 'sub', '数字政府.txt');
  const gbk = join(folder, 'gbk.txt');
  await writeFile(md, NOTE_MD);
  await writeFile(txt, NOTE_TXT);
  await writeFile(gbk, NOTE_GBK);
  await writeFile(join(folder, 'downloading.pdf.crdownload'), 'half');
  await writeFile(join(folder, '.hidden.md'), '# hidden');
  await writeFile(join(folder, 'program.exe'), 'MZ');
  return { md, txt, gbk, folder };
}
