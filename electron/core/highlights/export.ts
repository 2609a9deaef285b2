/**
 * Highlights out of the app, each quote with its citation (title, site, date, origin, and the
 * page for PDFs): Markdown by document or by topic, CSV (UTF-8 with BOM, so Excel reads the
 * Chinese), and a printable Word 金句本 per topic (the `docx` package).
 *
 * @example
 * const md = highlightsMarkdown(highlights, docs, 'topic');
 * const csv = highlightsCsv(highlights, docs);
 * const bytes = await quoteBookDocx(highlights, docs, '基层治理');
 */
import { citeLine } from '../../shared/cite.js';
import type { DocumentSummary, Highlight } from '../../shared/types.js';
import { flatQuote } from '../../shared/pages.js';

/** 《title》 site · date · origin · 第 N 页 — what a quote is cited with. */
export function citation(h: Highlight, doc: DocumentSummary | undefined): string {
  if (!doc) return '（文档已不在资料库中）';
  return citeLine(doc, h.at?.page ?? h.target.page);
}

/** The quote as it reads now (a fuzzy placement shows what was marked). */
const quoteOf = (h: Highlight): string => flatQuote(h.target.selector[0].exact);

const UNTOPICED = '未分专题';

/** Groups by document (library order) or by topic (a highlight under each of its topics). */
export function groupHighlights(highlights: Highlight[], docs: DocumentSummary[], by: 'document' | 'topic'): { title: string; items: Highlight[] }[] {
  const groups = new Map<string, Highlight[]>();
  const add = (key: string, h: Highlight): void => {
    groups.set(key, [...(groups.get(key) ?? []), h]);
  };
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const h of highlights) {
    if (by === 'document') add(byId.get(h.docId)?.title ?? h.docId, h);
    else for (const topic of h.topics.length ? h.topics : [UNTOPICED]) add(topic, h);
  }
  return [...groups].map(([title, items]) => ({ title, items })).sort((a, b) => (a.title === UNTOPICED ? 1 : b.title === UNTOPICED ? -1 : a.title.localeCompare(b.title, 'zh-CN')));
}

export function highlightsMarkdown(highlights: Highlight[], docs: DocumentSummary[], by: 'document' | 'topic'): string {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const out: string[] = [`# 研读标注（${by === 'topic' ? '按专题' : '按文档'}）`, ''];
  for (const group of groupHighlights(highlights, docs, by)) {
    out.push(`## ${group.title.replaceAll('/', ' › ')}`, '');
    for (const h of group.items) {
      out.push(`> ${quoteOf(h).replace(/\n+/g, '\n> ')}`, '>', `> —— ${citation(h, byId.get(h.docId))}`, '');
      if (h.note) out.push(`笔记：${h.note}`, '');
      if (by === 'document' && h.topics.length) out.push(`专题：${h.topics.join('、')}`, '');
      if (h.status !== 'exact') out.push(h.status === 'fuzzy' ? '（位置可能已变化，请确认）' : '（未能定位）', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const cell = (value: string | number | undefined): string => {
  const s = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function highlightsCsv(highlights: Highlight[], docs: DocumentSummary[]): string {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const rows = [['摘录', '笔记', '专题', '颜色', '文档', '来源', '日期', '出处', '页码', '状态', '创建时间']];
  for (const h of highlights) {
    const doc = byId.get(h.docId);
    rows.push([quoteOf(h), h.note ?? '', h.topics.join('；'), h.color, doc?.title ?? h.docId, doc?.site ?? '', doc?.publishedAt ?? '', doc?.origin ?? '', String(h.at?.page ?? h.target.page ?? ''), h.status, new Date(h.createdAt).toISOString()]);
  }
  return `\ufeff${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A printable 金句本 of the given highlights: of one topic (named in the title) or of every topic. */
export async function quoteBookDocx(highlights: Highlight[], docs: DocumentSummary[], topic?: string): Promise<Uint8Array> {
  // Loaded when a 金句本 is made, not with every command.
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const byId = new Map(docs.map((d) => [d.id, d]));
  const children: InstanceType<typeof Paragraph>[] = [new Paragraph({ text: topic ? `金句本 · ${topic.replaceAll('/', ' › ')}` : '金句本', heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER })];
  for (const group of groupHighlights(highlights, docs, 'topic')) {
    if (!topic) children.push(new Paragraph({ text: group.title.replaceAll('/', ' › '), heading: HeadingLevel.HEADING_1 }));
    group.items.forEach((h, i) => {
      children.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: `${i + 1}. `, bold: true }), new TextRun({ text: quoteOf(h), size: 26 })] }));
      children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `—— ${citation(h, byId.get(h.docId))}`, italics: true, size: 20, color: '666666' })] }));
      if (h.note) children.push(new Paragraph({ children: [new TextRun({ text: `笔记：${h.note}`, size: 20 })] }));
    });
  }
  if (children.length === 1) children.push(new Paragraph({ text: '（这个专题还没有标注）' }));
  const doc = new Document({
    creator: '研读 Yandu',
    title: topic ? `金句本 · ${topic}` : '金句本',
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
