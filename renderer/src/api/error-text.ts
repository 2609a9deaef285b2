/**
 * An error in the UI's words. Core's errors arrive as {@link YanduError}s with a code and, when
 * made by `fail`, a key and params: the key picks the sentence (`shared/error-words.ts`) in the
 * user's language. An error without a key is said by its code's sentence, filled with the part of
 * its message in that language (`module: English … / 中文。`, without the module prefix).
 *
 * @example
 * errorText(fail('topics.exists', { path: '时政' }), 'zh-CN'); // → '专题“时政”已存在。'
 * errorText(fail('topics.exists', { path: '时政' }), 'en');    // → "'时政' exists already."
 * errorText(new YanduError('not-found', 'library: no document d_1. / 找不到该文档。'), 'zh-CN'); // → '找不到该文档。'
 * errorText(new YanduError('not-found', 'web: no such path.'), 'zh-CN');                         // → '找不到：no such path.'
 * errorText(new YanduError('not-found', 'library: no document d_1. / 找不到该文档。'), 'en');    // → 'Not found: no document d_1.'
 */
import { isErrorKey, wordsOf } from '../../../electron/shared/error-words';
import { YanduError } from '../../../electron/shared/errors';
import type { ImportFailure, YanduErrorCode } from '../../../electron/shared/types';
import { translate, type Lang } from '../i18n';
import { zhCN, type MessageKey } from '../i18n/zh-CN';

const CJK = /[\u3400-\u9fff]/;

/** The Chinese half of a bilingual core message (`… / 中文。`), if it has one. */
function chineseHalf(message: string): string | undefined {
  const cut = message.lastIndexOf(' / ');
  return cut > 0 && CJK.test(message.slice(cut)) ? message.slice(cut + 3) : undefined;
}

/** The part of a core message in `lang`: bilingual messages end in ` / 中文`; the `module:` prefix is dropped. */
export function detailOf(message: string, lang: Lang): string {
  const chinese = chineseHalf(message);
  const english = chinese === undefined ? message : message.slice(0, message.lastIndexOf(' / '));
  const plain = english.replace(/^[a-z-]+:\s*/, '');
  return lang === 'zh-CN' ? (chinese ?? plain) : plain;
}

/** The words of a keyed error or import failure (`shared/error-words.ts`) in `lang`; undefined without a known key. */
function keyedText(key: string | undefined, params: Record<string, string | number> | undefined, lang: Lang): string | undefined {
  if (!isErrorKey(key)) return undefined;
  const words = wordsOf(key, params, lang === 'zh-CN' ? 'zh' : 'en');
  return lang === 'zh-CN' ? words : words.charAt(0).toUpperCase() + words.slice(1);
}

export function errorText(error: unknown, lang: Lang): string {
  const e = YanduError.from(error);
  // Core said which sentence (`fail(key, params)`): that sentence, in the UI's language.
  const keyed = keyedText(e.key, e.params, lang);
  if (keyed) return keyed;
  // Core's own Chinese sentence says it whole (找不到该文档。): no second 找不到 in front of it.
  if (lang === 'zh-CN' && e.code !== 'internal' && chineseHalf(e.message)) return chineseHalf(e.message)!;
  const wanted = `error.code.${e.code as YanduErrorCode}`;
  const key = (wanted in zhCN ? wanted : 'error.code.internal') as MessageKey;
  return translate(lang, key, { detail: detailOf(e.message, lang), ...e.params });
}

/** Why an import failed, in `lang`: by its key when core gave one, else the part of its message in `lang`. */
export function failureText(failure: ImportFailure, lang: Lang): string {
  return keyedText(failure.key, failure.params, lang) ?? detailOf(failure.error, lang);
}
