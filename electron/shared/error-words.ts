/**
 * What each error says, by key, in both languages: core throws `fail(key, params)`, the error
 * crosses the wire as `{code, key, params}`, and the renderer words it in the UI's language
 * (`renderer/src/api/error-text.ts`) from this one table — which the CLI and the logs read too (an
 * error's `message` is `module: English / 中文`, filled from here).
 * `{name}` is filled from the error's params; a key's module is its first part.
 *
 * @example
 * throw fail('topics.exists', { path: '时政/数字政府' });
 * // → YanduError { code: 'bad-arguments', key: 'topics.exists', params: { path: '时政/数字政府' },
 * //    message: "topics: '时政/数字政府' exists already. / 专题“时政/数字政府”已存在。" }
 * wordsOf('topics.exists', { path: 'x' }, 'en'); // → "'x' exists already."
 */
import { YanduError } from './errors.js';
import type { YanduErrorCode } from './types.js';

interface Words {
  code: YanduErrorCode;
  en: string;
  zh: string;
}

export const ERROR_WORDS = {
  // The web host and its client.
  'web.body-too-large': { code: 'bad-arguments', en: 'request body over {mb} MB.', zh: '请求过大（超过 {mb} MB）。' },
  'web.body-not-json': { code: 'bad-arguments', en: 'request body is not valid JSON.', zh: '请求内容不是有效的 JSON。' },
  'web.token': { code: 'unauthorized', en: 'missing or wrong token.', zh: '缺少令牌，或令牌不对。' },
  'web.post-only': { code: 'bad-arguments', en: 'API calls are POST.', zh: 'API 调用须用 POST。' },
  'web.json-only': { code: 'bad-arguments', en: 'send arguments as application/json.', zh: '参数须以 application/json 发送。' },
  'web.no-method': { code: 'unknown-method', en: "no method '{name}'.", zh: '没有“{name}”这个操作。' },
  'web.unreachable': { code: 'internal', en: 'cannot reach Yandu at {url} ({reason}).', zh: '无法连接研读（{url}）。' },
  'web.http-status': { code: 'internal', en: 'HTTP {status}.', zh: '服务器返回 HTTP {status}。' },
  'ipc.refused': { code: 'unauthorized', en: '{name} refused from {url}.', zh: '已拒绝来自其他页面的调用。' },
  'ipc.no-method': { code: 'unknown-method', en: 'no method {name}.', zh: '没有“{name}”这个操作。' },

  'files.not-folder': { code: 'not-found', en: '{path} is not a folder (or is gone).', zh: '“{path}”不是文件夹，或已不存在。' },
  'files.unreadable': { code: 'bad-arguments', en: 'cannot read the folder {path} ({reason}).', zh: '无法读取文件夹“{path}”。' },

  // The library.
  'library.no-document': { code: 'not-found', en: 'no document {id}; it may have been removed.', zh: '找不到该文档。' },
  'library.no-form': { code: 'not-found', en: '{id} has no form {form}; it may have been re-imported.', zh: '找不到该资料的这种格式。' },
  'library.text-missing': { code: 'not-found', en: 'the text of {id} is missing from {dir}; re-import the file.', zh: '文档正文缺失，请重新导入。' },
  'library.not-in-trash': { code: 'not-found', en: '{id} is not in the trash; nothing to restore.', zh: '回收站中没有该文档。' },
  'library.locked-by': {
    code: 'library-locked',
    en: '{dir} is open in another Yandu process ({owner}, pid {pid}). Close it first, or use that window.',
    zh: '资料库正被另一个研读进程使用，请先关闭它。',
  },
  'library.cannot-lock': { code: 'library-locked', en: 'could not lock {dir}; remove {path} if no Yandu runs.', zh: '无法锁定资料库。' },
  'sample.missing': { code: 'not-found', en: 'the sample library is not installed with this copy of Yandu.', zh: '找不到示例资料。' },

  // Importing.
  'import.gone': { code: 'import-failed', en: "'{name}' is not there any more (moved or deleted?).", zh: '文件“{name}”已不存在（被移动或删除了？）。' },
  'import.not-regular': {
    code: 'import-failed',
    en: "'{name}' is not a regular file (a device, pipe or socket); only documents are imported.",
    zh: '“{name}”不是普通文件，未导入。',
  },
  'import.too-large': { code: 'import-failed', en: "'{name}' is over the {mb} MB limit for one file.", zh: '文件“{name}”过大（超过 {mb} MB）。' },
  'import.unsupported': { code: 'import-failed', en: '{ext} is not a document type Yandu reads (.html, .pdf, .docx, .txt, .md).', zh: '不支持的文件类型（{ext}）。' },

  // Topics.
  'topics.name-length': { code: 'bad-arguments', en: 'a topic name is 1–60 characters.', zh: '专题名称应为 1–60 个字符。' },
  'topics.no-topic': { code: 'not-found', en: "no topic '{path}'.", zh: '找不到专题“{path}”。' },
  'topics.unknown': { code: 'bad-arguments', en: "no topic '{path}'; add it first.", zh: '没有专题“{path}”，请先添加。' },
  'topics.exists': { code: 'bad-arguments', en: "'{path}' exists already.", zh: '专题“{path}”已存在。' },
  'topics.rename-exists': { code: 'bad-arguments', en: "'{path}' exists already; merge instead.", zh: '同名专题“{path}”已存在，可以合并。' },
  'topics.move-exists': { code: 'bad-arguments', en: "'{path}' exists already; merge instead.", zh: '目标位置已有同名专题“{path}”。' },
  'topics.move-into-self': { code: 'bad-arguments', en: 'a topic cannot move under itself.', zh: '不能移到自己的下级。' },
  'topics.merge-into-self': { code: 'bad-arguments', en: 'merge into another topic, not into itself or its own sub-topic.', zh: '不能合并到自身或其下级。' },

  // Highlights and backups.
  'highlights.no-page': { code: 'bad-arguments', en: 'the document has no page {page}.', zh: '没有第 {page} 页。' },
  'highlights.text-missing': { code: 'not-found', en: 'the text of {id} is missing; re-import the file.', zh: '文档正文缺失，请重新导入。' },
  'highlights.no-highlight': { code: 'not-found', en: 'no highlight {id}.', zh: '找不到该标注。' },
  'highlights.bad-range': { code: 'bad-arguments', en: '[{start}, {end}) is not a stretch of text of {id} ({length} characters).', zh: '所选位置无效。' },
  'highlights.bad-new-range': { code: 'bad-arguments', en: 'the new place is not a stretch of the text.', zh: '所选位置无效。' },
  'highlights.not-in-trash': { code: 'not-found', en: '{id} is not in the trash.', zh: '回收站中没有该标注。' },
  'restore.unreadable': { code: 'not-found', en: 'cannot read {file}: {reason}', zh: '无法读取备份文件。' },
  'restore.not-json': { code: 'bad-arguments', en: 'the file is not JSON.', zh: '备份文件格式不对。' },
  'restore.not-backup': { code: 'bad-arguments', en: 'not a Yandu backup (no "format": "yandu-backup").', zh: '这不是研读的备份文件。' },
  'restore.too-new': { code: 'library-too-new', en: 'the backup is version {version}; this Yandu reads up to {known}. Update Yandu.', zh: '备份来自更新的版本，请先升级研读。' },

  // Sync.
  'sync.cancelled': { code: 'cancelled', en: 'cancelled.', zh: '已取消。' },
  'sync.no-token': { code: 'unauthorized', en: '{name} has no member token yet; paste it in 同步.', zh: '“{name}”还没有会员令牌，请在“同步”中粘贴。' },
  'sync.token-rejected': { code: 'unauthorized', en: 'the token was rejected by {host} (HTTP {status}); paste a new token. Nothing was deleted.', zh: '令牌无效，请重新粘贴。没有删除任何资料。' },
  'sync.gone': { code: 'import-failed', en: '{url} is gone (HTTP {status}).', zh: '资源不存在（HTTP {status}）。' },
  'sync.http-status': { code: 'import-failed', en: '{url} answered HTTP {status}.', zh: '服务器拒绝了请求（HTTP {status}）。' },
  'sync.redirect-loop': { code: 'import-failed', en: '{url} redirected more than {max} times (a loop?); not followed.', zh: '重定向次数过多，未跟随。' },
  'sync.redirect-away': { code: 'import-failed', en: '{url} redirected to another site ({host}); Yandu follows redirects only within the same site.', zh: '重定向到了其他网站（{host}），未跟随。' },
  'sync.too-large': { code: 'import-failed', en: '{url} is larger than {mb} MB; not downloaded.', zh: '文件过大（超过 {mb} MB），未下载。' },
  'sync.deadline': { code: 'import-failed', en: '{url} took too long ({reason}).', zh: '下载超时（{url}）。' },
  'sync.no-answer': { code: 'import-failed', en: '{url} did not answer in time.', zh: '服务器响应超时（{url}）。' },
  'sync.download-failed': { code: 'import-failed', en: 'could not download {url} ({reason}).', zh: '下载失败（{url}）。' },
  'sync.size-mismatch': { code: 'import-failed', en: '{url} arrived with {size} bytes, not {expected}; the old copy is kept.', zh: '文件大小不符，已保留旧版本。' },
  'sync.sha-mismatch': { code: 'import-failed', en: '{url} does not match its sha256; the old copy is kept.', zh: '文件校验失败，已保留旧版本。' },
  'sync.no-source': { code: 'not-found', en: 'no source {id}; it may have been removed.', zh: '找不到该同步源。' },
  'sync.not-folder': { code: 'bad-arguments', en: '{path} is not a folder.', zh: '“{path}”不是文件夹。' },
  'sync.already-watched': { code: 'bad-arguments', en: '{path} is already watched.', zh: '已在监视此文件夹。' },
  'sync.already-source': { code: 'bad-arguments', en: '{url} is already a source.', zh: '已添加此来源。' },
  'sync.not-manifest': { code: 'bad-arguments', en: '{name} is not a member manifest; only manifests take a token.', zh: '只有会员清单需要令牌。' },

  // 复习.
  'review.no-card': { code: 'not-found', en: 'no review card {id}; it may have been removed.', zh: '找不到这张复习卡片。' },
  'ocr.engine': { code: 'internal', en: 'the OCR models could not be loaded ({reason}); reinstall Yandu.', zh: '文字识别模型无法载入，请重新安装研读。' },
  'ocr.not-pdf': { code: 'bad-arguments', en: 'only PDFs are read with OCR ({id} is not a PDF).', zh: '只有 PDF 才能识别文字。' },
  'review.cloze-empty': { code: 'bad-arguments', en: 'a cloze card hides at least one word of its quote.', zh: '挖空卡片至少要遮住原句中的一个词。' },

  // The library file.
  'store.corrupt': {
    code: 'library-corrupt',
    en: '{file} cannot be read ({reason}); Yandu will not overwrite it. The last backup is {backup}; run `yandu recover --library "{dir}"` to restore it (the damaged file is kept).',
    zh: '资料库文件无法读取，研读不会覆盖它。可从最近的备份恢复。',
  },
  'store.corrupt-no-backup': { code: 'library-corrupt', en: '{file} cannot be read ({reason}); Yandu will not overwrite it. No backup exists yet.', zh: '资料库文件无法读取，研读不会覆盖它。还没有可用的备份。' },
  'store.too-new': { code: 'library-too-new', en: '{file} was written by a newer Yandu (schema {version}, this one knows {known}); update Yandu to open it.', zh: '请升级研读后再打开此资料库。' },
  'store.healthy': {
    code: 'bad-arguments',
    en: '{file} is healthy; recover replaces only a damaged library (nothing was changed). To go back to a restore point anyway, add --force --from FILE (see recover --list).',
    zh: '资料库完好，无需恢复，未做任何修改。',
  },
  'store.no-restore-point': { code: 'not-found', en: 'no readable restore point {from} in {dir} (see recover --list).', zh: '找不到可读的还原点。' },
  'store.no-backup': { code: 'not-found', en: 'no readable backup in {dir}.', zh: '没有可读的备份。' },
} as const satisfies Record<string, Words>;

export type ErrorKey = keyof typeof ERROR_WORDS;
export type ErrorParams = Record<string, string | number>;

/** True for a key of {@link ERROR_WORDS} (a key from the wire may be of another version). */
export const isErrorKey = (key: unknown): key is ErrorKey => typeof key === 'string' && Object.hasOwn(ERROR_WORDS, key);

/** A template with its `{name}`s filled (a missing param stays as written). */
export const fill = (template: string, params: ErrorParams = {}): string => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** The error's words in one language, without the module. */
export const wordsOf = (key: ErrorKey, params: ErrorParams | undefined, lang: 'en' | 'zh'): string => fill(ERROR_WORDS[key][lang], params);

/** The error for `key`: its code from the table, its message in both languages (for the CLI and logs). */
export function fail(key: ErrorKey, params: ErrorParams = {}): YanduError {
  const module = key.slice(0, key.indexOf('.'));
  return new YanduError(ERROR_WORDS[key].code, `${module}: ${wordsOf(key, params, 'en')} / ${wordsOf(key, params, 'zh')}`, params, key);
}
