import { describe, expect, it } from 'vitest';
import { YanduError } from '../../../electron/shared/errors';
import { unwrap } from '../../../electron/shared/rpc';
import { fail } from '../../../electron/shared/error-words';
import { failureOf } from '../../../electron/shared/errors';
import { detailOf, errorText, failureText } from './error-text';

describe('errors in the UI’s words', () => {
  const bilingual = new YanduError('not-found', 'library: no document d_1; it may have been removed. / 找不到该文档。');

  it('says an error by its code, in the UI language, with the detail in that language', () => {
    expect(errorText(bilingual, 'zh-CN')).toBe('找不到该文档。');
    expect(errorText(new YanduError('not-found', 'web: no such path.'), 'zh-CN')).toBe('找不到：no such path.');
    expect(errorText(bilingual, 'en')).toBe('Not found: no document d_1; it may have been removed.');
  });

  it('keeps the error’s code and parameters across the wire', () => {
    const wire = JSON.parse(JSON.stringify({ error: new YanduError('import-failed', "import: 'x.pdf' is over the 200 MB limit. / 文件过大。", { file: 'x.pdf', limit: 200 }).toJSON() }));
    let caught: unknown;
    try {
      unwrap(wire, 'web');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(YanduError);
    expect(caught).toMatchObject({ code: 'import-failed', params: { file: 'x.pdf', limit: 200 } });
    expect(errorText(caught, 'zh-CN')).toBe('文件过大。');
    expect(errorText(caught, 'en')).toBe("Import failed: 'x.pdf' is over the 200 MB limit.");
  });

  it('falls back to the general sentence for an unknown code or a plain error', () => {
    expect(errorText(new Error('boom'), 'en')).toBe('Something went wrong: boom');
    expect(errorText(new YanduError('what' as never, 'x: odd'), 'zh-CN')).toBe('出错了：odd');
    expect(detailOf('no slash here', 'zh-CN')).toBe('no slash here');
  });

  it('says a keyed error by its key in either language, after crossing the wire', () => {
    const wire = JSON.parse(JSON.stringify({ error: fail('topics.exists', { path: '时政/数字政府' }).toJSON() }));
    expect(wire.error).toMatchObject({ code: 'bad-arguments', key: 'topics.exists', params: { path: '时政/数字政府' } });
    let caught: unknown;
    try {
      unwrap(wire, 'ipc');
    } catch (e) {
      caught = e;
    }
    expect(errorText(caught, 'zh-CN')).toBe('专题“时政/数字政府”已存在。');
    expect(errorText(caught, 'en')).toBe("'时政/数字政府' exists already.");
    // A key this version does not know: the code's sentence and the message, as for any error.
    expect(errorText(new YanduError('not-found', 'sync: gone. / 没了。', {}, 'sync.from-the-future'), 'zh-CN')).toBe('没了。');
  });

  it('says why an import failed by its key, or by the message part in the UI language', () => {
    const keyed = failureOf('a.exe', fail('import.unsupported', { ext: '.exe' }), 'import');
    expect(keyed).toMatchObject({ path: 'a.exe', key: 'import.unsupported', params: { ext: '.exe' } });
    expect(failureText(keyed, 'zh-CN')).toBe('不支持的文件类型（.exe）。');
    expect(failureText(keyed, 'en')).toBe('.exe is not a document type Yandu reads (.html, .pdf, .docx, .txt, .md).');
    const plain = failureOf('b.pdf', new Error("'b.pdf' is encrypted. / PDF 已加密。"), 'import');
    expect(plain.error).toBe("import: 'b.pdf' is encrypted. / PDF 已加密。");
    expect(failureText(plain, 'zh-CN')).toBe('PDF 已加密。');
  });
});
