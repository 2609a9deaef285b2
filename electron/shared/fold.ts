/**
 * How any character compares ({@link foldChar}): Traditional Chinese folded to Simplified (one
 * character for one, from OpenCC's tables: `t2s.ts`), radicals to the characters they stand for,
 * then NFKC and lower case.
 *
 * Browser-printed PDFs often map glyphs to radical code points that look like ordinary characters
 * (⻘ for 青, ⺠ for 民). Kangxi radicals (U+2F00–U+2FD5) fold with NFKC; most of the CJK Radicals
 * Supplement (U+2E80–U+2EF3) does not, so this table folds the ones that stand for a character.
 *
 * One fold for core (search, PDF text) and the reader (marking search hits in the page):
 * {@link foldChar} is how any character compares.
 *
 * @example
 * foldRadicals('中国人⺠大学⻘年'); // → '中国人民大学青年'
 * foldChar('Ｇ'); // → 'g'
 * foldChar('義'); // → '义'
 */
import { T2S_FROM, T2S_TO } from './t2s.js';

const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺄': '乙', '⺅': '亻', '⺇': '几', '⺊': '卜', '⺋': '卩', '⺎': '兀', '⺏': '尢', '⺐': '尢', '⺑': '尣',
  '⺒': '巳', '⺓': '幺', '⺔': '彐', '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月',
  '⺞': '歺', '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛',
  '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟', '⺱': '罓',
  '⺲': '罒', '⺳': '网', '⺴': '罒', '⺵': '罒', '⺶': '羊', '⺷': '羊', '⺸': '羊', '⺹': '耂', '⺺': '肀', '⺻': '聿',
  '⺼': '月', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见',
  '⻆': '角', '⻇': '角', '⻈': '讠', '⻉': '贝', '⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝',
  '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻕': '冂', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻞': '飠', '⻟': '食', '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨',
  '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯',
  '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
};

const PATTERN = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** Folds radical code points to the characters they stand for; everything else is untouched. */
export function foldRadicals(text: string): string {
  return text.replace(PATTERN, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < T2S_FROM.length; i++) SIMPLIFIED.set(T2S_FROM[i]!, T2S_TO[i]!);

/** The Traditional characters that fold to Simplified ones, as a regular-expression class body. */
export const TRADITIONAL_CLASS = T2S_FROM;

/** One character as Yandu compares it: Traditional to Simplified, radical folded, then NFKC and lower case. */
export const foldChar = (ch: string): string => SIMPLIFIED.get(ch) ?? foldRadicals(ch).normalize('NFKC').toLowerCase();
