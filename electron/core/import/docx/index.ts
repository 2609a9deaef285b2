/**
 * DOCX importer (mammoth): paragraphs as text, headings and lists kept in the sanitized HTML,
 * images left out. The title: the core properties' title, else the first heading, else a first
 * paragraph that reads as a title (short, no sentence end, not a label such as `Word文档：…`),
 * else the file name. Runs of one-character paragraphs (a title set one character a line: 策/划/书)
 * are joined. The author and the day come from the core properties when they name a person and a
 * day (`core-props.ts`).
 *
 * @example
 * const doc = await importDocx(bytes, '金句摘抄.docx');
 * doc.title; // → '金句摘抄' when nothing inside names it
 */
import mammoth from 'mammoth';
import { sanitizeArticleHtml } from '../html/sanitize.js';
import { metaFromFileName } from '../file-name.js';
import { coreProperties } from './core-props.js';
import { assertZipWithin } from './zip.js';
import type { Imported } from '../types.js';

const MAX_TITLE = 80;

/** What a Word file may hold: its parts, and its text (XML) once inflated. Past either it fails. */
export const DOCX_LIMITS = { maxEntries: 5000, maxXmlBytes: 64 * 2 ** 20 };

export async function importDocx(bytes: Uint8Array, fileName: string): Promise<Imported> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    assertZipWithin(bytes, DOCX_LIMITS);
  } catch (error) {
    const why = (error as Error).message;
    if (/parts, over|inflates past/.test(why)) throw new Error(`'${fileName}' is not a Word document Yandu will read (${why}); a zip bomb? / Word 文件解压后过大，未导入。`);
    throw new Error(`'${fileName}' is not a readable Word document (${why}). / 无法读取 Word 文档。`);
  }
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
  const paragraphs = joinSingleCharacters(
    raw
      .split(/\n+/)
      .map((p) => p.replace(/[\s\u3000]+/g, ' ').trim())
      .filter(Boolean),
  );
  const html = sanitizeArticleHtml(joinSingleCharacterHtml(converted.replace(/<h1>/g, '<h2>').replace(/<\/h1>/g, '</h2>'))).replace(/<p><\/p>/g, '');
  const props = coreProperties(bytes);
  // A heading among the first three blocks (a heading further in names a section, not the document).
  const opening = html.split(/(?<=<\/(?:p|h[1-6]|ul|ol|table)>)/).slice(0, 3).join('');
  const heading = /<h[2-6][^>]*>(.*?)<\/h[2-6]>/.exec(opening)?.[1]?.replace(/<[^>]+>/g, '').trim();
  const first = paragraphs[0];
  const title = props.title ?? (heading || undefined) ?? (first && readsAsTitle(first) ? first : undefined) ?? metaFromFileName(fileName).title ?? fileName.replace(/\.docx$/i, '');
  const doc: Imported = { kind: 'docx', format: 'docx', title: clip(title), text: paragraphs.join('\n'), html };
  if (props.author) doc.author = props.author;
  if (props.created) doc.publishedAt = props.created;
  return doc;
}

const clip = (s: string): string => (s.length > MAX_TITLE ? `${s.slice(0, MAX_TITLE - 1)}…` : s);

/** Short, no sentence end, not a label line (`Word文档：…`, `附件1：`). */
const readsAsTitle = (line: string): boolean => line.length <= 50 && !/[。；;]$/.test(line) && !/^[^：:]{1,8}[：:]/.test(line);

/** Paragraphs of one character each, two or more in a row, become one: 策 / 划 / 书 → 策划书. */
export function joinSingleCharacters(paragraphs: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const p of paragraphs) {
    if ([...p].length === 1 && /\p{L}/u.test(p)) {
      run += p;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(p);
  }
  if (run) out.push(run);
  return out;
}

/** The same in mammoth's HTML: `<p>策</p><p>划</p><p>书</p>` → `<p>策划书</p>`. */
function joinSingleCharacterHtml(html: string): string {
  return html.replace(/(?:<p>\s*[^<\s]\s*<\/p>\s*){2,}/gu, (run) => `<p>${run.replace(/<\/?p>|\s/g, '')}</p>`);
}
