/**
 * Importers for plain text (.txt) and Markdown (.md). Markdown is reduced to readable plain text
 * (headings, emphasis, links and images dropped to their words); the title is the first heading,
 * else the first line, else the file name.
 *
 * @example
 * importText(bytes, { fileName: '笔记.md', format: 'md' });
 * // → { kind: 'text', format: 'md', title: '基层减负', text: '基层减负\n…' }
 */
import { decodeText } from './decode.js';
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
  const { text: source } = decodeText(bytes);
  const text = options.format === 'md' ? markdownToText(source) : source.trim();
  return {
    kind: 'text',
    format: options.format,
    title: titleOf(source, options.format, options.fileName),
    text,
  };
}
