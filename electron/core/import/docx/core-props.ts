/**
 * A Word file's core properties (`docProps/core.xml`): title, creator and the day it was created.
 * Values that name no one (an account such as Administrator, 微软用户, a bare login like myhloli)
 * or no title (Word文档, 文档1) are left out.
 *
 * @example
 * coreProperties(bytes); // → { title: '关于开展主题教育的通知', author: '王小明', created: '2025-03-23' }
 */
import { isGenericTitle } from '../generic-title.js';
import { readEntry, zipEntries } from './zip.js';

export interface CoreProperties {
  title?: string;
  author?: string;
  /** `YYYY-MM-DD` */
  created?: string;
}

const GENERIC_AUTHOR = /^(?:administrator|admin|user|owner|lenovo|dell|hp|asus|acer|microsoft.*|windows.*|wps.*|微软.*|.*用户|个人用户|作者|unknown|未知|apache poi|python-docx)$/i;
/** A person: 2–4 Chinese characters (a space may sit between surname and name), or Latin given name and surname. */
const PERSON = /^(?:[\u4e00-\u9fa5·]{1,3}\s?[\u4e00-\u9fa5·]{1,3}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)+)$/;

const field = (xml: string, tag: string): string | undefined => {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  const value = m?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim();
  return value || undefined;
};

export function coreProperties(bytes: Uint8Array): CoreProperties {
  let xml: string;
  try {
    const entry = zipEntries(bytes).find((e) => e.name === 'docProps/core.xml');
    if (!entry) return {};
    xml = readEntry(bytes, entry, 1 << 20).toString('utf8');
  } catch {
    return {};
  }
  const props: CoreProperties = {};
  const title = field(xml, 'dc:title');
  if (title && !isGenericTitle(title)) props.title = title;
  const author = field(xml, 'dc:creator');
  if (author && !GENERIC_AUTHOR.test(author) && PERSON.test(author)) props.author = author;
  const created = /^(\d{4})-(\d{2})-(\d{2})/.exec(field(xml, 'dcterms:created') ?? '');
  if (created && Number(created[1]) >= 1990) props.created = `${created[1]}-${created[2]}-${created[3]}`;
  return props;
}
