/**
 * Article metadata as Chinese sites write it: the title (the `<h1>` that matches `<title>`, else
 * the first part of `<title>`), the date (`2024-09-03`, `2024年09月03日`, `发布时间：`), the site
 * (`来源：`), the breadcrumb (`您现在的位置: 首页 > …`), and the byline that gives author and
 * original publication (`殷 烁;《 人民日报 》( 2024年09月03日 第 09 版)`, `记者 王建宏`, `编辑：苏亮`).
 *
 * @example
 * parseByline('殷 烁;《 人民日报 》( 2024年09月03日   第 09 版)');
 * // → { author: '殷 烁', origin: '人民日报 2024年09月03日 第09版', publishedAt: '2024-09-03' }
 */

const pad = (n: string): string => n.padStart(2, '0');

/** The first full date in a text as `YYYY-MM-DD`. */
export function findFullDate(text: string): string | undefined {
  // ASP-style US dates with a clock: 9/17/2004 5:54:13 AM (month first).
  const us = /(?<!\d)(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M/i.exec(text);
  if (us && Number(us[1]) <= 12 && Number(us[2]) <= 31) return `${us[3]}-${pad(us[1]!)}-${pad(us[2]!)}`;
  const full = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?/.exec(text);
  if (!full) return undefined;
  const [, y, m, d] = full as unknown as [string, string, string, string];
  return Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** A full date that a label introduces (`发布时间：`, `发表于`, `日期：`). */
export function findLabelledDate(text: string): string | undefined {
  const m = /(?:发布时间|发表时间|发布日期|发表日期|发表于|更新时间|时间|日期|posted|published)\s*[:：]?\s*([^\n]{6,40})/i.exec(text);
  return m ? findFullDate(m[1]!) : undefined;
}

/** The first date in a text as `YYYY-MM-DD`, or `YYYY-MM` when that is all it says. */
export function findDate(text: string): string | undefined {
  const full = findFullDate(text);
  if (full) return full;
  const month = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*月?(?!\d)/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${month[1]}-${pad(month[2]!)}`;
  return undefined;
}

export interface Byline {
  author?: string;
  origin?: string;
  publishedAt?: string;
}

const PAPER_BYLINE = /^(.{1,20}?)\s*[;；]\s*《\s*(.+?)\s*》\s*[（(]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*第\s*0*(\d+)\s*版\s*[)）]\s*$/;
const PAPER_ONLY = /^《\s*(.+?)\s*》\s*[（(]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*第\s*0*(\d+)\s*版\s*[)）]\s*$/;

/** Reads a newspaper byline (`作者;《报纸》(日期 第N版)`), or undefined when the line is not one. */
export function parseByline(line: string): Byline | undefined {
  const text = line.trim();
  const m = PAPER_BYLINE.exec(text);
  if (m) {
    const [, author, paper, y, mo, d, page] = m as unknown as string[];
    return {
      author: author!.trim(),
      origin: `${paper} ${y}年${pad(mo!)}月${pad(d!)}日 第${pad(page!)}版`,
      publishedAt: `${y}-${pad(mo!)}-${pad(d!)}`,
    };
  }
  const p = PAPER_ONLY.exec(text);
  if (p) {
    const [, paper, y, mo, d, page] = p as unknown as string[];
    return { origin: `${paper} ${y}年${pad(mo!)}月${pad(d!)}日 第${pad(page!)}版`, publishedAt: `${y}-${pad(mo!)}-${pad(d!)}` };
  }
  return undefined;
}

const HAN_NAME = '[\\u4e00-\\u9fa5·]{2,4}';
const LABEL_WORDS = '来源|编辑|时间|日期|发布|责编|摄影|通讯员';
const HAN_NAMES = `${HAN_NAME}(?:[ 、，,]+(?!${LABEL_WORDS})${HAN_NAME}){0,3}(?=$|[\\s，,。;；)）\\]】|.．])`;
/** A handle after an explicit label: anything up to white space or punctuation. */
const HANDLE = '[^\\s，,。;；:：)）(（\\[\\]|=<>"]{2,20}';
const NAME = `(${HAN_NAMES}|${HANDLE})`;

/** Author patterns, most trusted first: `作者：`, reporter lines, `由…张贴`, then `编辑：`. */
export const AUTHOR_PATTERNS: RegExp[] = [
  new RegExp(`(?:^|[\\s(（\\[【|])(?:(?:作者|作\\s+者|撰文)(?:\\s*[:：]\\s*|\\s+|\\s*\\[\\s*)|文\\s*[/／]\\s*)${NAME}`),
  new RegExp(`^[^\\n]{0,16}记者\\s+(${HAN_NAMES})\\s*$`, 'm'),
  new RegExp(`[（(]\\s*(?:实习)?记者\\s*(${HAN_NAMES})\\s*[)）]`),
  new RegExp(`记者\\s*(${HAN_NAME})\\s*[/／]\\s*文`),
  new RegExp(`(?:文章引用|引用格式|引文格式|引用本文)\\s*[:：]\\s*(${HAN_NAMES})\\s*[.,，．]`),
  new RegExp(`由\\s*(${HANDLE})\\s*(?:张贴|发表|发布)`),
  new RegExp(`^\\s*\\[\\s*(${HAN_NAMES})\\s*\\]\\s*来源`, 'm'),
  new RegExp(`(?:^|[\\s(（\\[【|])(?:责任编辑|编辑|责编)\\s*[:：]\\s*${NAME}`),
  // A line that is only a name in brackets, as newspapers sign an article at its end: （袁源）
  new RegExp(`^[（(]\\s*(${HAN_NAMES})\\s*[)）]$`),
  // A personal site's footer: Copyright © 李建忠
  new RegExp(`Copyright\\s*©\\s*(${HAN_NAMES})\\s*$`, 'm'),
];

/** Words that stand alone on a line near an article but are not names. */
const NOT_NAMES = new Set(
  '首页 导航 公告 人物 编委 主编 顾问 期刊 栏目 频道 专栏 博主 网友 游客 会员 用户 统计 评论 登录 注册 联系 关注 分享 收藏 推荐 更多 热门 相关 返回 正文 搜索 留言 标签 分类 存档 链接 新闻 资讯 专题 图片 视频 博客 论坛 社区 首发 原创 转载 打印 关闭 顶部 上一篇 下一篇 目录 简介 作者 来源 编辑 责编 摘要 导读 全文 附件 下载 作品 文章 阅读 点击 友情链接 版权 声明 投稿 订阅 网站 本站 本报 社论 评论员 编者按'.split(' '),
);

/**
 * A line that is only a name (or names), as pages print the author under the title: 胡平,
 * 赵延东、风笑天. Two or three characters each: four-character lines are far more often headings.
 */
const SHORT_NAME = '[\\u4e00-\\u9fa5]{2,3}';
export const NAME_LINE = new RegExp(`^\\s*(${SHORT_NAME}(?:[、 ]${SHORT_NAME}){0,3})\\s*$`, 'm');

/** A name standing alone on a line, not a common page word. */
export function findNameLine(text: string): string | undefined {
  for (const line of text.split('\n').slice(0, 4)) {
    const m = NAME_LINE.exec(line);
    const name = m?.[1]?.trim();
    if (name && !NOT_NAMES.has(name)) return name;
  }
  return undefined;
}

/** The author a line names with one pattern (default: any, most trusted first), or undefined. */
export function findAuthor(line: string, patterns: RegExp[] = AUTHOR_PATTERNS): string | undefined {
  for (const pattern of patterns) {
    const m = pattern.exec(line);
    const name = m?.[1]?.replace(/[，,、\s]+$/, '').trim();
    if (name && !/^(size|http|www|admin|null|undefined)/i.test(name) && !/[=/]/.test(name) && !/须知|简介|注$/.test(name)) return name;
  }
  return undefined;
}

const INSTITUTION = /(?:网|报|社|台|站|刊|部|局|厅|委|会|院|所|办|处|中心|新闻|杂志|频道|集团|公司|大学|学校)$/;

/** A `来源：` that names a person (a blog's poster) rather than a publication: 来源: 尹娟. */
export function findPersonSource(line: string): string | undefined {
  const source = findSource(line);
  return source && /^[\u4e00-\u9fa5]{2,3}$/.test(source) && !INSTITUTION.test(source) && !NOT_NAMES.has(source) ? source : undefined;
}

/** The site named by `来源：`, if any. */
export function findSource(line: string): string | undefined {
  // A name, ended by a space, a separator or the line's end: not a template's debris (来源：size="20").
  const m = /来源\s*[:：]\s*([^\s|｜_()（）="'<>]{2,20})(?=[\s|｜_()（）]|$)/.exec(line);
  return m && /[\u4e00-\u9fffA-Za-z]/.test(m[1]!) ? m[1] : undefined;
}

/** Whether a `<title>` part can be a site's name: short, not a sentence, a bracketed tag or a forum engine's badge. */
const readsAsSite = (part: string): boolean => part.length <= 20 && !/[，。！？!?,“”"]|^[(（[【〖].*[)）\]】〗]$|powered by/i.test(part);

/** A breadcrumb line split into its parts, without 首页 and without the article's own title. */
export function parseBreadcrumb(line: string, title: string): string[] | undefined {
  const m = /(?:您现在的位置|当前位置|您的位置|所在位置|位置)\s*[:：]?\s*(.+)/.exec(line);
  const body = m?.[1] ?? (/[>›»]/.test(line) ? line : undefined);
  if (!body) return undefined;
  const parts = body
    .split(/\s*(?:>|›|»|＞|→)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const kept = parts.filter(
    (p) => !/^(首页|主页|网站首页|home|正文|详情|内容|文章)$/i.test(p) && p !== title && !title.startsWith(p.replace(/…$/, '')),
  );
  return kept.length ? kept : undefined;
}

/** Chooses the title: an `<h1>`/`<h2>` that the `<title>` contains, else `<title>`'s first part. */
export function chooseTitle(documentTitle: string, headings: string[], ogTitle?: string): string {
  const clean = documentTitle.trim();
  const site = siteFromTitle(clean);
  // The longest heading that the title contains and that is not just the site's name.
  const matching = headings
    .filter((h) => h.length >= 2 && clean.includes(h) && h !== site && clean.indexOf(h) < clean.length / 2)
    .sort((a, b) => b.length - a.length)[0];
  if (matching) return matching;
  if (ogTitle?.trim()) return ogTitle.trim();
  const first = clean.split(/\s*[_|｜–—-]\s*/)[0]?.trim();
  if (first && first.length >= 2) return first;
  return headings[0] ?? clean;
}

/** The site name from `<title>`'s last part (`标题_栏目_北辰遴选` → `北辰遴选`). */
export function siteFromTitle(documentTitle: string): string | undefined {
  const parts = documentTitle.split(/\s*[_|｜–—-]\s*/).map((p) => p.trim()).filter(Boolean);
  return parts.length >= 2 && readsAsSite(parts[parts.length - 1]!) ? parts[parts.length - 1] : undefined;
}
