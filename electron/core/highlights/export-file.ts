/**
 * `exportHighlights`: the chosen highlights (all, one document's, or one topic's with its
 * sub-topics) as a file to save — Markdown, CSV or a Word 金句本.
 *
 * @example
 * await exportHighlights(ctx, { format: 'markdown', by: 'topic' }); // → { filename: '研读标注-按专题.md', … }
 */
import type { ExportFile } from '../../shared/types.js';
import { listDocuments } from '../library/documents.js';
import type { CoreContext } from '../library/context.js';
import { highlightsCsv, highlightsMarkdown, quoteBookDocx } from './export.js';
import { listHighlights } from './highlights.js';
import { anyUnder } from '../../shared/topic-path.js';
import { safeFileName } from '../library/upload.js';

export async function exportHighlights(ctx: CoreContext, args: { format: 'markdown' | 'csv' | 'docx'; by?: 'document' | 'topic'; docId?: string; topic?: string }): Promise<ExportFile> {
  const docs = listDocuments(ctx);
  let highlights = listHighlights(ctx, args.docId);
  if (args.topic) highlights = highlights.filter((h) => anyUnder(h.topics, [args.topic!]));
  const scope = args.topic ? `-${args.topic.replaceAll('/', '-')}` : args.docId ? `-${(docs.find((d) => d.id === args.docId)?.title ?? args.docId).slice(0, 40)}` : '';
  const safe = (name: string): string => safeFileName(name.replaceAll('/', '-'));
  switch (args.format) {
    case 'csv':
      return { filename: safe(`研读标注${scope}.csv`), mime: 'text/csv', encoding: 'utf8', content: highlightsCsv(highlights, docs) };
    case 'docx':
      return {
        filename: safe(`金句本${scope}.docx`),
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        encoding: 'base64',
        content: Buffer.from(await quoteBookDocx(highlights, docs, args.topic)).toString('base64'),
      };
    default: {
      const by = args.by ?? 'document';
      return { filename: safe(`研读标注${scope}-${by === 'topic' ? '按专题' : '按文档'}.md`), mime: 'text/markdown', encoding: 'utf8', content: highlightsMarkdown(highlights, docs, by) };
    }
  }
}
