/**
 * What a PDF says of itself in its opening lines: a newspaper header (《人民日报》（2024年09月03日
 * 第09版）), a byline (殷 烁;《人民日报》(…)), a labelled date (发布时间：2024-09-03) or source
 * (来源：新华网); and, apart, a line that is only a date or a law's line of record ({@link datedLine}).
 * The same readers as web pages' (`html/metadata.ts`), over the first page's first
 * {@link LINES} lines.
 *
 * @example
 * pdfTextMeta('《人民日报》（2024年09月03日 第09版）\n整治“指尖上的形式主义”\n…');
 * // → { origin: '人民日报 2024年09月03日 第09版', publishedAt: '2024-09-03' }
 */
import { findFullDate, findLabelledDate, findSource, parseByline } from '../html/metadata.js';

const LINES = 15;

export interface PdfTextMeta {
  publishedAt?: string;
  origin?: string;
  author?: string;
  site?: string;
}

/** 《报名》 then a date, with or without 第N版 and brackets, anywhere in a line. */
const HEADER = /《\s*([^》]{2,16}?)\s*》\s*[（(]?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:第\s*0*(\d+)\s*版)?\s*[)）]?/;
const pad = (n: string): string => n.padStart(2, '0');
/** A line that holds a full date only: 2022 年 07 月 19 日, 2024-09-03, 2024.9.3. */
const DATE_LINE = /^\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*$/;

/** A law's or rule's line of record: a date first, then the body that adopted or issued it (…会议通过, …令第517号公布). */
const RECORD_LINE = /^\s*[（(]?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。\n]{0,80}?(?:通过|公布|发布|施行|修正|修订|印发)/;

/**
 * The date of a text's opening line that is a date and nothing else (a report's cover), or a
 * law's line of record (2001年12月29日 第九届全国人民代表大会常务委员会第二十五次会议通过): a
 * weaker sign than a header or a label.
 *
 * @example
 * datedLine('中华人民共和国刑法修正案（三）\n2001年12月29日 第九届…会议通过\n正文'); // → '2001-12-29'
 */
export function datedLine(text: string): string | undefined {
  for (const line of text.split('\n').slice(0, LINES)) if (DATE_LINE.test(line) || RECORD_LINE.test(line)) return findFullDate(line);
  return undefined;
}

/** What the opening lines say (a {@link datedLine} is asked for apart: it is weaker than a file name's date). */
export function pdfTextMeta(firstPage: string): PdfTextMeta {
  const meta: PdfTextMeta = {};
  for (const line of firstPage.split('\n').slice(0, LINES)) {
    const byline = parseByline(line);
    if (byline && !meta.origin) Object.assign(meta, byline);
    const header = HEADER.exec(line);
    if (header && !meta.origin) {
      const [, paper, y, m, d, page] = header as unknown as string[];
      meta.origin = `${paper} ${y}年${pad(m!)}月${pad(d!)}日${page ? ` 第${pad(page)}版` : ''}`;
      meta.publishedAt ??= `${y}-${pad(m!)}-${pad(d!)}`;
    }
    meta.publishedAt ??= findLabelledDate(line);
    if (line.length < 80) meta.site ??= findSource(line);
  }
  for (const key of Object.keys(meta) as (keyof PdfTextMeta)[]) if (!meta[key]) delete meta[key];
  return meta;
}
