/**
 * What a file's name says of its document, as candidates' downloads and scrapers name them:
 * `20180502-标题-作者`, `2024-09-03 标题`, `[2024.09.03] 标题`, `标题_来源_日期`, `标题（2024年9月3日）`,
 * `标题 - 人民网`. A browser's copy suffix (` (1)`, `(2)`) is ignored. Dates are checked (a real
 * day from 1949 to 2099); a name that says nothing gives `{}`.
 *
 * Importers read the document itself first: the name only fills what the document did not say
 * ({@link fillFromFileName}).
 *
 * @example
 * metaFromFileName('20180502-扩大开放，实现共同繁荣的主动选择-吴秋余.html');
 * // → { publishedAt: '2018-05-02', title: '扩大开放，实现共同繁荣的主动选择', author: '吴秋余' }
 * metaFromFileName('整治形式主义_人民网_20240903.pdf');
 * // → { title: '整治形式主义', site: '人民网', publishedAt: '2024-09-03' }
 */
import type { Imported } from './types.js';

export interface FileNameMeta {
  title?: string;
  publishedAt?: string;
  author?: string;
  site?: string;
}

const pad = (n: string | number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when y, m, d make a real day between 1949 and 2099. */
function day(y: string, m: string, d: string): string | undefined {
  const [year, month, date] = [Number(y), Number(m), Number(d)];
  if (year < 1949 || year > 2099 || month < 1 || month > 12 || date < 1) return undefined;
  if (date > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${pad(month)}-${pad(date)}`;
}

/** A date token: 20240903, 2024-09-03, 2024.9.3, 2024_09_03, 2024年9月3日. */
const DATE = String.raw`((?:19|20)\d{2})(?:([01]\d)([0-3]\d)|\s*[-._/年]\s*(\d{1,2})\s*[-._/月]\s*(\d{1,2})\s*日?)`;
const dateOf = (m: RegExpExecArray, at: number): string | undefined => day(m[at]!, m[at + 1] ?? m[at + 3]!, m[at + 2] ?? m[at + 4]!);

/** A person's name: 2–4 Chinese characters (with ·), or up to four of them with 、. */
const NAME = /^[\u4e00-\u9fa5·]{2,4}(?:[、，,][\u4e00-\u9fa5·]{2,4}){0,3}$/;
/** Publications and sites as names end: 人民日报, 新华网, 光明日报, 求是, 学习时报, 人民网评. */
const SOURCE = /^(?:[\u4e00-\u9fa5]{1,8}(?:日报|晚报|时报|周刊|杂志|网|网评|新闻|客户端|报|社|台|在线|之声)|求是|半月谈|学习强国|新华社|央视新闻)$/;

const clean = (s: string): string => s.replace(/^[\s\-_–—:：]+|[\s\-_–—:：]+$/g, '');

/** The title from `text`'s parts (split by `split`), a last part that is a source or a person taken off into `meta`. */
function withTail(meta: FileNameMeta, text: string, split: RegExp | string, join: string): FileNameMeta {
  const parts = text.split(split).map(clean).filter(Boolean);
  const last = parts[parts.length - 1];
  if (parts.length >= 2 && last && SOURCE.test(last)) meta.site = parts.pop();
  else if (parts.length >= 2 && last && NAME.test(last)) meta.author = parts.pop();
  const title = clean(parts.join(join));
  if (title) meta.title = title;
  return meta;
}

export function metaFromFileName(fileName: string): FileNameMeta {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/\s*[(（]\d{1,2}[)）]$/, '')
    .trim();

  // A date first: 20180502-标题-作者, 2024-09-03 标题, [2024.09.03] 标题, 【2024年9月3日】标题.
  const lead = new RegExp(String.raw`^[\[【(（]?${DATE}(?:[\]】)）][\s\-_–—:：]*|[\s\-_–—:：]+)(.+)$`).exec(base);
  if (lead) {
    const publishedAt = dateOf(lead, 1);
    if (publishedAt) return withTail({ publishedAt }, lead[6]!, /[-_]/, '-');
  }
  // 标题_来源_日期, 标题_日期, 标题（2024年9月3日）, 标题 2024-09-03.
  const trail = new RegExp(String.raw`^(.+?)[\s\-_–—]*[(（\[【]?${DATE}[)）\]】]?$`).exec(base);
  if (trail) {
    const publishedAt = dateOf(trail, 2);
    if (publishedAt) return withTail({ publishedAt }, trail[1]!, '_', '_');
  }
  // No date: 标题_人民网, 标题 - 人民日报.
  const site = /^(.+?)\s*(?:_|\s[-–—|]\s)\s*([^_\-–—|]+)$/.exec(base);
  if (site && SOURCE.test(site[2]!.trim())) return { title: clean(site[1]!), site: site[2]!.trim() };
  return {};
}

/** A title's last part after a separator (`标题-光明网` → `标题`, `光明网`). */
const LAST_PART = /^(.+?)\s*[-_|｜–—]\s*([^-_|｜–—]+)$/;

/**
 * A page title's trailing site names taken off, as a browser prints them into a PDF's title
 * (`标题-光明日报-光明网`, `标题_央广网`): each trailing part that names a publication or site
 * goes, the last of them is the site. A title without one comes back as it is.
 *
 * @example
 * withoutSites('在博物馆里上好“大思政课”-光明日报-光明网'); // → { title: '在博物馆里上好“大思政课”', site: '光明网' }
 * withoutSites('COVID-19 防控指南');                         // → { title: 'COVID-19 防控指南' }
 */
export function withoutSites(pageTitle: string): { title: string; site?: string } {
  let title = pageTitle.trim();
  let site: string | undefined;
  for (let m = LAST_PART.exec(title); m && SOURCE.test(m[2]!.trim()) && clean(m[1]!).length >= 2; m = LAST_PART.exec(title)) {
    site ??= m[2]!.trim();
    title = clean(m[1]!);
  }
  return site ? { title, site } : { title };
}

/**
 * Fills what the imported document does not say from its file name: date, author, site; the
 * title only when the importer had none but the file name itself.
 *
 * @example
 * fillFromFileName({ kind: 'article', format: 'html', title: '扩大开放', text: '…' }, '20180502-扩大开放-吴秋余.html');
 * // → publishedAt '2018-05-02', author '吴秋余' added
 */
export function fillFromFileName(imported: Imported, fileName: string): Imported {
  const meta = metaFromFileName(fileName);
  if (meta.publishedAt && !imported.publishedAt) imported.publishedAt = meta.publishedAt;
  if (meta.author && !imported.author) imported.author = meta.author;
  if (meta.site && !imported.site) imported.site = meta.site;
  const bare = fileName.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]{1,5}$/i, '');
  if (meta.title && (!imported.title || imported.title === bare)) imported.title = meta.title;
  return imported;
}
