/**
 * Feeds: RSS 2.0, Atom and JSON Feed into one shape. The bytes are decoded by the XML
 * declaration or the HTTP charset (GB2312, GBK, GB18030 and Big5 included).
 *
 * @example
 * const feed = parseFeed(bytes, 'application/rss+xml; charset=gb2312');
 * feed.items[0]; // → { id, title: '习近平为何如此强调崇尚英雄？', link, published, content, … }
 */
import { XMLParser } from 'fast-xml-parser';
import { decodeDocument } from '../import/charset.js';

export interface FeedItem {
  /** Stable key: guid / id, else the link, else the title. */
  id: string;
  title: string;
  link?: string;
  /** As written in the feed. */
  pubDate?: string;
  /** ISO 8601, when the date could be read. */
  published?: string;
  author?: string;
  /** HTML or text of the item (content:encoded / content / description / content_html). */
  content?: string;
  categories: string[];
  /** Linked or enclosed files (PDFs and such). */
  enclosures: { url: string; type?: string }[];
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json';
  title: string;
  link?: string;
  description?: string;
  language?: string;
  copyright?: string;
  generator?: string;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  cdataPropName: false as unknown as string,
  trimValues: false, // JS trim would eat the full-width spaces that open Chinese paragraphs
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category', 'enclosure'].includes(name),
});

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '') || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') return text((value as Node)['#text']);
  return undefined;
}

/** Dates as feeds write them; `2018-09-18 14:38:10` without a zone is taken as China time. */
export function feedDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const local = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number) as number[];
    return new Date(Date.UTC(y!, mo! - 1, d!, h! - 8, mi!, s ?? 0)).toISOString();
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const isFile = (url: string, type?: string): boolean => /\.pdf(?:$|[?#])/i.test(url) || type === 'application/pdf';

function rssItem(item: Node): FeedItem {
  const link = text(item.link);
  const enclosures = list(item.enclosure as Node | Node[])
    .map((e) => ({ url: String(e['@url'] ?? ''), type: e['@type'] as string | undefined }))
    .filter((e) => e.url);
  const title = text(item.title) ?? '';
  const pubDate = text(item.pubDate) ?? text(item['dc:date']);
  return {
    id: text(item.guid) ?? link ?? title,
    title,
    ...(link ? { link } : {}),
    ...(pubDate ? { pubDate, published: feedDate(pubDate) } : {}),
    ...(text(item['dc:creator']) ?? text(item.author) ? { author: text(item['dc:creator']) ?? text(item.author) } : {}),
    ...(text(item['content:encoded']) ?? text(item.description) ? { content: text(item['content:encoded']) ?? text(item.description) } : {}),
    categories: list(item.category).map(text).filter((c): c is string => Boolean(c)),
    enclosures: [...enclosures, ...(link && isFile(link) ? [{ url: link }] : [])],
  };
}

function atomEntry(entry: Node, base?: string): FeedItem {
  const links = list(entry.link as Node | Node[]);
  const href = (l: Node): string | undefined => (l['@href'] ? new URL(String(l['@href']), base).href : undefined);
  const alternate = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate');
  const link = alternate ? href(alternate) : undefined;
  const enclosures = links
    .filter((l) => l['@rel'] === 'enclosure' || (l['@href'] && isFile(String(l['@href']), l['@type'] as string)))
    .map((l) => ({ url: href(l)!, type: l['@type'] as string | undefined }))
    .filter((e) => e.url);
  const author = text((entry.author as Node | undefined)?.name);
  const pubDate = text(entry.published) ?? text(entry.updated);
  const content = text(entry.content) ?? text(entry.summary);
  return {
    id: text(entry.id) ?? link ?? text(entry.title) ?? '',
    title: text(entry.title) ?? '',
    ...(link ? { link } : {}),
    ...(pubDate ? { pubDate, published: feedDate(pubDate) } : {}),
    ...(author ? { author } : {}),
    ...(content ? { content } : {}),
    categories: list(entry.category as Node | Node[]).map((c) => String(c['@term'] ?? text(c) ?? '')).filter(Boolean),
    enclosures,
  };
}

function jsonFeed(data: Node): ParsedFeed {
  const items = list(data.items as Node[]).map((item): FeedItem => {
    const link = (item.url as string | undefined) ?? (item.external_url as string | undefined);
    const pubDate = item.date_published as string | undefined;
    const authors = list((item.authors ?? item.author) as Node | Node[]);
    const content = (item.content_html as string | undefined) ?? (item.content_text as string | undefined) ?? (item.summary as string | undefined);
    return {
      id: String(item.id ?? link ?? item.title ?? ''),
      title: String(item.title ?? ''),
      ...(link ? { link } : {}),
      ...(pubDate ? { pubDate, published: feedDate(pubDate) } : {}),
      ...(authors[0]?.name ? { author: String(authors[0].name) } : {}),
      ...(content ? { content } : {}),
      categories: list(item.tags as string[]),
      enclosures: list(item.attachments as Node[]).map((a) => ({ url: String(a.url), type: a.mime_type as string | undefined })),
    };
  });
  return { format: 'json', title: String(data.title ?? ''), ...(data.home_page_url ? { link: String(data.home_page_url) } : {}), items };
}

/** Parses a feed; throws a readable error for anything that is not one. */
/** Items read of one feed at most (the first, which feeds list newest first): the rest are left for later. */
export const MAX_FEED_ITEMS = 500;

/**
 * The feed's XML up to the end of its {@link MAX_FEED_ITEMS}th item, its root closed again: a
 * feed of 100,000 items is parsed as far as Yandu reads it, not whole.
 *
 * @example
 * firstItems('<rss><channel><item>1</item><item>2</item></channel></rss>', 1); // → '<rss><channel><item>1</item></channel></rss>'
 */
export function firstItems(source: string, max = MAX_FEED_ITEMS): string {
  const close = /<\/(?:[\w-]+:)?(item|entry)\s*>/gi;
  let count = 0;
  for (let m = close.exec(source); m; m = close.exec(source)) {
    if (++count < max) continue;
    const cut = m.index + m[0].length;
    if (!/<(?:[\w-]+:)?(item|entry)[\s>]/i.test(source.slice(cut))) return source;
    const root = /<(rss|feed|rdf:RDF)[\s>]/i.exec(source)?.[1];
    const tail = root?.toLowerCase() === 'rss' ? '</channel></rss>' : root === 'rdf:RDF' ? '</rdf:RDF>' : '</feed>';
    return source.slice(0, cut) + tail;
  }
  return source;
}

export function parseFeed(bytes: Uint8Array, contentType?: string, url?: string): ParsedFeed {
  const { text: whole } = decodeDocument(bytes, { contentType });
  const trimmed = whole.trimStart();
  if (trimmed.startsWith('{')) {
    const data = JSON.parse(trimmed) as Node;
    if (!String(data.version ?? '').includes('jsonfeed')) throw new Error('sync: this JSON is not a JSON Feed. / 不是有效的订阅源。');
    if (Array.isArray(data.items)) data.items = data.items.slice(0, MAX_FEED_ITEMS);
    return jsonFeed(data);
  }
  const source = firstItems(whole);
  let doc: Node;
  try {
    doc = parser.parse(source) as Node;
  } catch (error) {
    throw new Error(`sync: the feed is not valid XML (${(error as Error).message}). / 订阅源格式错误。`);
  }
  const rss = doc.rss as Node | undefined;
  const channel = (rss?.channel ?? (doc['rdf:RDF'] as Node | undefined)?.channel) as Node | undefined;
  if (channel) {
    const items = list((channel.item ?? (doc['rdf:RDF'] as Node | undefined)?.item) as Node | Node[]).map(rssItem);
    const feed: ParsedFeed = { format: 'rss', title: text(channel.title) ?? '', items };
    for (const key of ['link', 'description', 'language', 'copyright', 'generator'] as const) {
      const value = text(key === 'link' ? list(channel.link as unknown[])[0] : channel[key]);
      if (value) feed[key] = value;
    }
    return feed;
  }
  const atom = doc.feed as Node | undefined;
  if (atom) {
    const links = list(atom.link as Node | Node[]);
    const home = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate');
    const base = home?.['@href'] ? new URL(String(home['@href']), url).href : url;
    return {
      format: 'atom',
      title: text(atom.title) ?? '',
      ...(base ? { link: base } : {}),
      ...(text(atom.subtitle) ? { description: text(atom.subtitle) } : {}),
      items: list(atom.entry as Node | Node[]).map((e) => atomEntry(e, base)),
    };
  }
  throw new Error('sync: this is not an RSS, Atom or JSON feed. / 不是有效的订阅源。');
}
