import { describe, expect, it } from 'vitest';
import { YanduError } from '../../../electron/shared/errors';
import { unwrap } from '../../../electron/shared/rpc';
import { detailOf, errorText } from './error-text';

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
});
