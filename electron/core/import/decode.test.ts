import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';

/** GB18030/GBK bytes of 基层减负 (written out, since Node can decode but not encode GBK). */
const gbk = new Uint8Array([0xbb, 0xf9, 0xb2, 0xe3, 0xbc, 0xf5, 0xb8, 0xba]);

describe('decodeText', () => {
  it('reads UTF-8, with or without BOM, and folds CRLF', () => {
    expect(decodeText(new TextEncoder().encode('研读\r\n笔记'))).toEqual({ text: '研读\n笔记', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('研读')])).text).toBe('研读');
  });

  it('falls back to GB18030 for GBK files', () => {
    expect(decodeText(gbk)).toEqual({ text: '基层减负', encoding: 'gb18030' });
  });

  it('reads UTF-16 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x14, 0x78, 0xfb, 0x8b]); // 研读
    expect(decodeText(le)).toEqual({ text: '研读', encoding: 'utf-16le' });
  });
});
