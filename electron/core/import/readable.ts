/**
 * The two checks every import passes, whatever its format: a file given as text (.txt, .md,
 * .html…) whose bytes are binary is refused before it is read, and a document with no readable
 * text (no letter, digit or Chinese character) is refused after — both as a failed entry with a
 * reason, never a document with nothing in it. A PDF without text is the exception: it is kept,
 * flagged as scanned.
 *
 * @example
 * assertTextBytes(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'x.txt'); // throws: 'x.txt' is not a text file …
 * assertReadable({ kind: 'text', format: 'txt', title: 'x', text: ' \n ' }, 'x.txt'); // throws: has no readable text …
 */
import type { Imported } from './types.js';

/** Bytes looked at for binary content. */
const SAMPLE = 64 * 1024;

/** True when the bytes are not text: NUL bytes, or over 5% other control bytes (UTF-16 with a BOM is text). */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const sample = bytes.subarray(0, SAMPLE);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > 0.05 * sample.length;
}

export function assertTextBytes(bytes: Uint8Array, fileName: string): void {
  if (looksBinary(bytes)) throw new Error(`import: '${fileName}' is not a text file (its content is binary); check that it is the document you meant. / 文件内容不是文本（二进制数据），请确认文件是否正确。`);
}

/** Letters, digits and Chinese characters: what makes text readable. */
const READABLE = /[\p{L}\p{N}]/u;

export function assertReadable(imported: Imported, fileName: string): void {
  if (imported.kind === 'pdf' || READABLE.test(imported.text)) return;
  throw new Error(`import: '${fileName}' has no readable text (it is empty, or holds only images or markup); nothing was added. / 文件中没有可读的文字（空文件，或只有图片、标记），未导入。`);
}
