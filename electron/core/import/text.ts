/**
 * Importers for plain text (.txt) and Markdown (.md). Markdown is reduced to readable plain text
 * (headings, emphasis, links and images dropped to their words; YAML front matter read and taken
 * off); the title is the front matter's, else the first heading, else the first line, else the
 * file name.
 *
 * @example
 * importText(bytes, { fileName: '笔记.md', format: 'md' });
 * // → { kind: 'text', format: 'md', title: '基层减负', text: '基层减负\n…' }
 */
import { decodeText } from './decode.js';
import { metaFromFileName } from './file-name.js';
import { datedLine, pdfTextMeta } from './pdf/header.js';
import type { Imported } from './types.js';

const MAX_TITLE = 80;

/** Markdown to plain text, keeping line structure. */
export function markdownToText(md: string): string {
  return md
    .replace(/^```[^\n]*\n?/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*[-*+][ \t]+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*\w])[*_]([^*_\n]+)[*_]/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A Markdown file's YAML front matter (Hugo, Jekyll, Obsidian): between `---` lines at its very start. */
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * A Markdown file's front matter taken off, with what it says of the document (title, date,
 * author; simple `key: value` lines, quotes taken off).
 *
 * @example
 * frontMatter('---\ntitle: "基层减负"\ndate: 2024-09-03\n---\n正文');
 * // → { body: '正文', title: '基层减负', publishedAt: '2024-09-03' }
 */
export function frontMatter(source: string): { body: string; title?: string; publishedAt?: string; author?: string } {
  const m = FRONT_MATTER.exec(source);
  if (!m) return { body: source };
  const fields = new Map<string, string>();
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    const kv = /^([A-Za-z_]+)[ \t]*:[ \t]*(.+?)[ \t]*$/.exec(line);
    if (kv) fields.set(kv[1]!.toLowerCase(), kv[2]!.replace(/^(["'])(.*)\1$/, '$2').trim());
  }
  const date = /^((?:19|20)\d{2})-(\d{2})-(\d{2})/.exec(fields.get('date') ?? '');
  return {
    body: source.slice(m[0].length),
    ...(fields.get('title') ? { title: fields.get('title') } : {}),
    ...(date ? { publishedAt: `${date[1]}-${date[2]}-${date[3]}` } : {}),
    ...(fields.get('author') ? { author: fields.get('author') } : {}),
  };
}

function titleOf(source: string, format: 'txt' | 'md', fileName: string): string {
  if (format === 'md') {
    const heading = /^[ \t]{0,3}#{1,6}[ \t]+(.+)$/m.exec(source);
    if (heading?.[1]) return clip(markdownToText(heading[1]));
  }
  const first = source.split('\n').find((line) => line.trim().length > 0);
  const fromLine = first ? (format === 'md' ? markdownToText(first) : first.trim()) : '';
  return fromLine ? clip(fromLine) : fileName.replace(/\.[^.]+$/, '');
}

const clip = (s: string): string => (s.length > MAX_TITLE ? `${s.slice(0, MAX_TITLE - 1)}…` : s);

export function importText(bytes: Uint8Array, options: { fileName: string; format: 'txt' | 'md' }): Imported {
  const { text: decoded } = decodeText(bytes);
  const front = options.format === 'md' ? frontMatter(decoded) : { body: decoded };
  const source = front.body;
  const text = options.format === 'md' ? markdownToText(source) : source.trim();
  // Its opening lines, as a PDF's page 1: a newspaper header, a byline, a labelled date or source;
  // a bare date line or a law's line of record only when the file name has no date (it is the saver's).
  const opening = pdfTextMeta(text);
  const publishedAt = front.publishedAt ?? opening.publishedAt ?? (metaFromFileName(options.fileName).publishedAt ? undefined : datedLine(text));
  const author = front.author ?? opening.author;
  return {
    kind: 'text',
    format: options.format,
    title: front.title ? clip(front.title) : titleOf(source, options.format, options.fileName),
    text,
    ...(publishedAt ? { publishedAt } : {}),
    ...(author ? { author } : {}),
    ...(opening.origin ? { origin: opening.origin } : {}),
    ...(opening.site ? { site: opening.site } : {}),
  };
}
