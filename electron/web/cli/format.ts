/**
 * Human-readable output of the CLI (the `--json` output is the API's result as is).
 *
 * @example
 * formatReport({ added: [{ id: 'd_1', path: '/a.md' }], updated: [], unchanged: [], failed: [] });
 * // → '新增 1 · 更新 0 · 未变 0 · 失败 0\n+ d_1  /a.md'
 */
import type { DocumentDetail, DocumentSummary, ImportReport, ReviewQueue, SearchResult } from '../../shared/types.js';

export function formatReport(report: ImportReport): string {
  const lines = [
    `新增 ${report.added.length} · 更新 ${report.updated.length} · 未变 ${report.unchanged.length} · 失败 ${report.failed.length}` +
      `  (added, updated, unchanged, failed)`,
  ];
  for (const item of report.added) lines.push(`+ ${item.id}  ${item.path}`);
  for (const item of report.updated) lines.push(`~ ${item.id}  ${item.path}`);
  for (const item of report.failed) lines.push(`✗ ${item.path}\n    ${item.error}`);
  return lines.join('\n');
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function formatList(docs: DocumentSummary[]): string {
  if (!docs.length) return '资料库是空的。用 `yandu add 文件或文件夹` 导入资料。 (The library is empty; import with `yandu add PATH`.)';
  return docs
    .map((d) => {
      const meta = [d.kind, d.site, d.publishedAt ?? day(d.addedAt)].filter(Boolean).join(' · ');
      return `${d.id}  ${d.title}  [${meta}]${d.sourceMissing ? '  (源文件已删除)' : ''}`;
    })
    .join('\n');
}

export function formatDocument(doc: DocumentDetail): string {
  const head = [
    doc.title,
    [doc.site, doc.publishedAt, doc.author, doc.origin].filter(Boolean).join(' · '),
    doc.sourcePath ?? doc.url ?? '',
  ].filter(Boolean);
  const body = doc.text ?? (doc.pages ?? []).map((p, i) => `— 第 ${i + 1} 页 —\n${p}`).join('\n\n');
  return `${head.join('\n')}\n\n${body}`;
}

export function formatSearch(result: SearchResult): string {
  if (!result.total)
    return result.suggestions?.length ? `没有找到。你是不是要找：${result.suggestions.join('、')} (No results. Did you mean: ${result.suggestions.join(', ')}?)` : '没有找到。 (No results.)';
  const lines = [`共 ${result.total} 条结果 (${result.total} hits)`];
  for (const hit of result.hits) {
    let marked = '';
    let at = 0;
    for (const [s, e] of hit.ranges) {
      marked += `${hit.snippet.slice(at, s)}【${hit.snippet.slice(s, e)}】`;
      at = e;
    }
    marked += hit.snippet.slice(at);
    lines.push(`${hit.docId}  ${hit.title}${hit.page ? `  第 ${hit.page} 页` : ''}\n    ${marked}`);
  }
  return lines.join('\n');
}

/** The cards due now, one a line: kind, what to recall, its topics. */
export function formatReview(queue: ReviewQueue): string {
  const head = `今日复习 (due): ${queue.due.learning} 学习中, ${queue.due.review} 复习, ${queue.due.new} 新卡 · 今天已做 ${queue.doneToday.reviews}`;
  const kinds = { quote: '整句', cloze: '挖空', tifa: '提法' } as const;
  const lines = queue.items.map((i) => `${i.card.id}  [${kinds[i.card.kind]}] ${i.front.replace(/\s+/g, ' ').slice(0, 60)}${i.topics.length ? `  #${i.topics.join(' #')}` : ''}`);
  return [head, ...lines].join('\n');
}
