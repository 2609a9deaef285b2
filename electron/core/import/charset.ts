/**
 * Which encoding a Chinese web page or feed is in, and its text. In order: a byte-order mark; the
 * HTTP header's charset; the document's own declaration (`<meta charset>`, `http-equiv`,
 * `<?xml encoding?>`); then detection. A declaration that the bytes contradict (a page that says
 * UTF-8 but is not) is ignored. GB2312 and GBK are read as GB18030, their superset. Without a
 * usable declaration, strict UTF-8 wins when it decodes; otherwise GB18030 and Big5 are both tried
 * and the one that yields common Chinese characters (and no replacement characters) wins.
 *
 * @example
 * decodeDocument(bytes, { contentType: 'text/html; charset=GBK' });
 * // → { text: '<html>…', encoding: 'gb18030', declared: 'gbk' }
 */

export interface DecodedDocument {
  text: string;
  /** The WHATWG name actually used. */
  encoding: string;
  /** What the header or document declared, if anything. */
  declared?: string;
}

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  'gb_2312-80': 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-big5': 'big5',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

/** Normalizes a declared charset label to the decoder we use, or undefined when unknown. */
export function canonicalEncoding(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const key = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (ALIASES[key]) return ALIASES[key];
  try {
    return new TextDecoder(key).encoding;
  } catch {
    return undefined;
  }
}

/** The charset a document declares in its first bytes (read as Latin-1, which never fails). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const xml = /<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return meta?.[1];
}

function strict(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// Frequent characters: the first block is shared or simplified, the second traditional.
const COMMON = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞'.split(''),
);
const TRADITIONAL = new Set('這們來個說國為時會對發與當從學問經過還動將義務後點現實開關樣長體種還應據話頭歷處產機當麼樣嗎進戰員無記'.split(''));

function score(text: string): number {
  let s = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') s -= 20;
    else if (COMMON.has(ch) || TRADITIONAL.has(ch)) s += 1;
  }
  return s;
}

export function decodeDocument(bytes: Uint8Array, options: { contentType?: string } = {}): DecodedDocument {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };

  const fromHeader = /charset=["']?([\w-]+)/i.exec(options.contentType ?? '')?.[1];
  const declared = fromHeader ?? declaredCharset(bytes);
  const encoding = canonicalEncoding(declared);
  if (encoding) {
    const text = strict(bytes, encoding);
    if (text !== undefined) return { text, encoding, declared: declared?.toLowerCase() };
    // A legacy encoding that mostly decodes is still the right one (pages have stray bytes).
    if (encoding !== 'utf-8') {
      const loose = new TextDecoder(encoding).decode(bytes);
      if (score(loose) > 0) return { text: loose, encoding, declared: declared?.toLowerCase() };
    }
  }
  const utf8 = strict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', declared: declared?.toLowerCase() };
  const candidates = ['gb18030', 'big5'].map((enc) => {
    const text = new TextDecoder(enc).decode(bytes);
    return { text, encoding: enc, score: score(text) };
  });
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  return { text: best.text, encoding: best.encoding, declared: declared?.toLowerCase() };
}
