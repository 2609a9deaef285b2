/**
 * An error in the UI's words: the API's errors arrive as {@link YanduError}s with a code (and,
 * where core gives them, parameters); the code picks the sentence in the user's language and
 * the error's own detail fills it — its part in that language when core wrote both
 * (`module: English … / 中文。`), without the module prefix. Core's Chinese sentence, when there is
 * one, is shown as it is in Chinese.
 *
 * @example
 * errorText(new YanduError('not-found', 'library: no document d_1. / 找不到该文档。'), 'zh-CN'); // → '找不到该文档。'
 * errorText(new YanduError('not-found', 'web: no such path.'), 'zh-CN');                         // → '找不到：no such path.'
 * errorText(new YanduError('not-found', 'library: no document d_1. / 找不到该文档。'), 'en');    // → 'Not found: no document d_1.'
 */
import { YanduError } from '../../../electron/shared/errors';
import type { YanduErrorCode } from '../../../electron/shared/types';
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

export function errorText(error: unknown, lang: Lang): string {
  const e = YanduError.from(error);
  // Core's own Chinese sentence says it whole (找不到该文档。): no second 找不到 in front of it.
  if (lang === 'zh-CN' && e.code !== 'internal' && chineseHalf(e.message)) return chineseHalf(e.message)!;
  const wanted = `error.code.${e.code as YanduErrorCode}`;
  const key = (wanted in zhCN ? wanted : 'error.code.internal') as MessageKey;
  return translate(lang, key, { detail: detailOf(e.message, lang), ...e.params });
}
