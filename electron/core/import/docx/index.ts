/**
 * DOCX importer (mammoth): paragraphs as text, headings and lists kept in the sanitized HTML,
 * images left out. The title is the first paragraph (a Word document opens with its title), else
 * the file name.
 *
 * @example
 * const doc = await importDocx(bytes, '金句摘抄.docx');
 * doc.text.split('\n')[0]; // → the first paragraph
 */
import mammoth from 'mammoth';
import { sanitizeArticleHtml } from '../html/sanitize.js';
import type { Imported } from '../types.js';

const MAX_TITLE = 80;

export async function importDocx(bytes: Uint8Array, fileName: string): Promise<Imported> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let raw: string;
  let converted: string;
  try {
    raw = (await mammoth.extractRawText({ buffer })).value;
    converted = (
      await mammoth.convertToHtml(
        { buffer },
        { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), styleMap: ['p[style-name="Title"] => h2:fresh'] },
      )
    ).value;
  } catch (error) {
    throw new Error(`'${fileName}' is not a readable Word document (${(error as Error).message}). / 无法读取 Word 文档。`);
  }
  const paragraphs = raw
    .split(/\n+/)
    .map((p) => p.replace(/[\s\u3000]+/g, ' ').trim())
    .filter(Boolean);
  const html = sanitizeArticleHtml(converted.replace(/<h1>/g, '<h2>').replace(/<\/h1>/g, '</h2>')).replace(/<p><\/p>/g, '');
  const first = paragraphs[0];
  const title = first ? (first.length > MAX_TITLE ? `${first.slice(0, MAX_TITLE - 1)}…` : first) : fileName.replace(/\.docx$/i, '');
  return { kind: 'docx', format: 'docx', title, text: paragraphs.join('\n'), html };
}
