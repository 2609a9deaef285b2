/**
 * HTML importer: a saved page or fetched article → the article's text and sanitized HTML plus
 * its metadata (title, date, site, breadcrumb, author, original publication). Boilerplate (menus,
 * sidebars, ads, comments, footers) is left out; the title and the byline are not repeated in
 * the body.
 *
 * @example
 * const doc = importHtml(bytes, '整治.html');
 * doc.title;    // → '整治“指尖上的形式主义”'
 * doc.origin;   // → '人民日报 2024年09月03日 第09版'
 */
import { decodeDocument } from '../charset.js';
import type { Imported } from '../types.js';
import { squash } from './blocks.js';
import { contentRoot, extractArticle, visibleCharsOf, type ScoredBlock } from './extract.js';
import { fallbackBlocks, findsTooLittle, type ExtractionPath } from './fallback.js';
import {
  AUTHOR_PATTERNS,
  chooseTitle,
  findAuthor,
  findDate,
  findFullDate,
  findLabelledDate,
  findNameLine,
  findPersonSource,
  findSource,
  parseBreadcrumb,
  parseByline,
  siteFromTitle,
  type Byline,
} from './metadata.js';
import { metaFromFileName } from '../file-name.js';
import { parsePage } from './parse.js';
import { ensureSafeHtml, escapeHtml } from './sanitize.js';

/** A file name that says nothing of its page: a UUID, a hash, a number, index/page/download. */
const NAMELESS = /^(?:[0-9a-f]{8}(?:-?[0-9a-f]{4}){3}-?[0-9a-f]{12}|[0-9a-f]{16,}|\d+|index|page|download|article|content|untitled)$/i;

/**
 * A title from a text's opening: its first sentence when short, else its first 30 characters.
 *
 * @example
 * openingTitle('人心不会熄灭，但它可能蒙上灰烬而不再燃烧。灰烬本来是…'); // → '人心不会熄灭，但它可能蒙上灰烬而不再燃烧'
 */
export function openingTitle(text: string | undefined): string | undefined {
  const line = text?.split('\n').map((l) => l.trim()).find((l) => l.length >= 2);
  if (!line) return undefined;
  const sentence = /^(.{2,40}?)[。！？!?]/.exec(line)?.[1];
  return sentence ?? (line.length > 30 ? `${line.slice(0, 30)}…` : line);
}

export interface HtmlOptions {
  /** The HTTP Content-Type, when the page came over the network (its charset wins). */
  contentType?: string;
  url?: string;
}

const META_DATE_NAMES = ['article:published_time', 'pubdate', 'publishdate', 'publish_date', 'ptime', 'og:release_date'];
const GENERIC_DATE_NAMES = ['date', 'dc.date'];

function metaContent(document: Document, names: string[]): string | undefined {
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    const content = meta.getAttribute('content')?.trim();
    if (content && names.includes(key)) return content;
  }
  return undefined;
}

const isMetaLine = (text: string): boolean =>
  text.length < 80 && (Boolean(findDate(text)) || /来源\s*[:：]|作者\s*[:：]|发布时间|点击[数量]?|浏览/.test(text));

/** Blocks near the article where its metadata is written: just before it, its edges, just after. */
function nearby(all: ScoredBlock[], start: number, end: number): { before: ScoredBlock[]; edges: ScoredBlock[]; after: ScoredBlock[] } {
  const before = all.slice(Math.max(0, start - 20), start).reverse();
  const run = all.slice(start, end + 1);
  const edges = [...run.slice(0, 5), ...run.slice(-6)];
  const after = all.slice(end + 1, end + 15);
  return { before, edges, after };
}

function firstOf<T>(lists: ScoredBlock[][], pick: (text: string) => T | undefined): T | undefined {
  for (const list of lists) {
    for (const block of list) {
      const found = pick(block.text);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function toHtml(paragraphs: { tag: string; text: string }[]): string {
  const html = paragraphs
    .map(({ tag, text }) => {
      const inner = text.split('\n').map(escapeHtml).join('<br>');
      if (/^h[1-6]$/.test(tag)) return `<h2>${inner}</h2>`;
      if (tag === 'pre') return `<pre>${escapeHtml(text)}</pre>`;
      if (tag === 'blockquote') return `<blockquote>${inner}</blockquote>`;
      return `<p>${inner}</p>`;
    })
    .join('\n');
  return ensureSafeHtml(html);
}

export function importHtml(bytes: Uint8Array, fileName: string, options: HtmlOptions = {}): Imported {
  const { text: source } = decodeDocument(bytes, { contentType: options.contentType });
  const { document } = parsePage(source);
  const root = contentRoot(document);
  const extracted = extractArticle(root);
  const { all, start, end } = extracted;
  let { blocks } = extracted;
  // Little found of a page that shows much: another path, and the document says which.
  let extraction: ExtractionPath | undefined;
  if (findsTooLittle(visibleCharsOf(blocks), visibleCharsOf(all))) {
    const fallback = fallbackBlocks(source, all, visibleCharsOf(blocks));
    if (fallback) [extraction, blocks] = [fallback.path, fallback.blocks];
  }

  const documentTitle = squash(document.querySelector('title')?.textContent ?? '');
  const headings = Array.from(document.querySelectorAll('h1, h2'))
    .map((h) => squash(h.textContent ?? ''))
    .filter(Boolean);
  const ogTitle = metaContent(document, ['og:title']);
  const fromName = fileName.replace(/\.[^.]+$/, '');
  // A page with no title at all, saved under a name that says nothing (a scraper's UUID): its first line says more.
  const chosen = chooseTitle(documentTitle, headings, ogTitle);
  const derived = !chosen && NAMELESS.test(fromName) ? openingTitle(blocks[0]?.text) : undefined;
  const title = chosen || derived || fromName;

  // Body: drop the title, leading metadata lines and the byline (kept as metadata instead).
  let byline: Byline | undefined;
  const body: ScoredBlock[] = [];
  for (const [i, block] of blocks.entries()) {
    if (block.text === title && !derived) continue;
    const parsed = parseByline(block.text);
    if (parsed && (i >= blocks.length - 3 || i < 3)) {
      byline ??= parsed;
      continue;
    }
    if (!body.length && isMetaLine(block.text) && block.prose < 80) continue;
    body.push(block);
  }

  const { before, edges, after } = nearby(all, start, end);
  const short = (list: ScoredBlock[], max = 200): ScoredBlock[] => list.filter((b) => b.text.length < max);
  const regions = [short(before), short(edges, 120), short(after)];
  const metaDate = metaContent(document, META_DATE_NAMES);
  const genericMetaDate = metaContent(document, GENERIC_DATE_NAMES);
  // The file name (a scraper's 20180502-标题-作者) is what the saver knew: it ranks above dates and
  // names that are only guessed from the text (an article's first lines mention other days).
  const named = metaFromFileName(fileName);
  const publishedAt =
    byline?.publishedAt ??
    firstOf(regions, findLabelledDate) ??
    (metaDate ? findDate(metaDate) : undefined) ??
    named.publishedAt ??
    firstOf(regions, findFullDate) ??
    (genericMetaDate ? findDate(genericMetaDate) : undefined) ??
    firstOf(regions.slice(0, 2), findDate) ??
    // A magazine article dated only by its issue at its end: ——《北京之春》1998年3月号
    firstOf([all.slice(Math.max(start, end - 2), end + 1)], (text) => findDate(text.split('\n').slice(-2).join('\n')));
  const personSource = firstOf([before, edges, short(after)], findPersonSource);
  const site =
    firstOf([before, edges], (text) => (findPersonSource(text) ? undefined : findSource(text))) ??
    metaContent(document, ['og:site_name']) ??
    siteFromTitle(documentTitle);
  const category = firstOf([all.slice(0, Math.max(start, 1))], (text) => parseBreadcrumb(text, title));
  // Each pattern over every region (near the article first) before the next, less trusted one.
  const middle = short(all.slice(start, end + 1), 80);
  const footer = short(all.slice(end + 1), 120).slice(-10);
  // Last, a name alone on a line right by the title (blogs print the author so): not the title,
  // the site or a breadcrumb part.
  const known = new Set([title, site, ...(category ?? [])]);
  const nameLine = (text: string): string | undefined => {
    const name = findNameLine(text);
    return name && !known.has(name) && !title.startsWith(name) ? name : undefined;
  };
  const byPatterns = (regions: ScoredBlock[][]): string | undefined =>
    AUTHOR_PATTERNS.reduce<string | undefined>((found, pattern) => found ?? firstOf(regions, (text) => findAuthor(text, [pattern])), undefined);
  const author =
    byline?.author ??
    byPatterns([short(before), short(edges, 80), short(after)]) ??
    named.author ??
    byPatterns([edges, middle, footer]) ??
    firstOf([all.slice(start, start + 5), before.slice(0, 5)], nameLine) ??
    personSource ??
    // Last, a labelled author anywhere on the page (a blog's sidebar: 作者[太小心]).
    AUTHOR_PATTERNS.slice(0, 1).reduce<string | undefined>((found, pattern) => found ?? firstOf([short(all, 60)], (text) => findAuthor(text, [pattern])), undefined);

  const paragraphs = body.map((b) => ({ tag: b.tag, text: b.text }));
  const doc: Imported = {
    kind: 'article',
    format: 'html',
    title,
    text: paragraphs.map((p) => p.text).join('\n'),
    html: toHtml(paragraphs),
  };
  if (publishedAt) doc.publishedAt = publishedAt;
  if (site) doc.site = site;
  if (category) doc.category = category;
  if (author) doc.author = author;
  if (byline?.origin) doc.origin = byline.origin;
  if (options.url) doc.url = options.url;
  if (extraction) doc.extraction = extraction;
  return doc;
}
