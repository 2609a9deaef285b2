import { describe, expect, it } from 'vitest';
import { canonicalEncoding, decodeDocument, declaredCharset } from './charset';

// GBK bytes of 基层减负 and Big5 bytes of 基層減負.
const GBK = [0xbb, 0xf9, 0xb2, 0xe3, 0xbc, 0xf5, 0xb8, 0xba];
const BIG5 = [0xb0, 0xf2, 0xbc, 0x68, 0xb4, 0xee, 0xad, 0x74];
const ascii = (s: string): number[] => Array.from(new TextEncoder().encode(s));

describe('charset detection', () => {
  it('maps labels to decoders, GB2312 and GBK to GB18030', () => {
    expect(canonicalEncoding('GB2312')).toBe('gb18030');
    expect(canonicalEncoding(' "gbk" ')).toBe('gb18030');
    expect(canonicalEncoding('Big5')).toBe('big5');
    expect(canonicalEncoding('no-such')).toBeUndefined();
  });

  it('reads declarations from meta and XML', () => {
    expect(declaredCharset(new Uint8Array(ascii('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')))).toBe('gb2312');
    expect(declaredCharset(new Uint8Array(ascii('<?xml version="1.0" encoding="GBK"?><rss>')))).toBe('GBK');
  });

  it('uses the declaration, the header first', () => {
    const page = new Uint8Array([...ascii('<meta charset="gbk"><p>'), ...GBK]);
    expect(decodeDocument(page).text).toContain('基层减负');
    expect(decodeDocument(new Uint8Array([...ascii('<p>'), ...BIG5]), { contentType: 'text/html; charset=big5' }).text).toContain('基層減負');
  });

  it('detects GBK and Big5 without a declaration', () => {
    const gbkPage = new Uint8Array([...ascii('<p>'), ...GBK, ...GBK]);
    expect(decodeDocument(gbkPage)).toMatchObject({ encoding: 'gb18030' });
    expect(decodeDocument(gbkPage).text).toContain('基层减负');
  });

  it('ignores a UTF-8 declaration that the bytes contradict', () => {
    const page = new Uint8Array([...ascii('<meta charset="utf-8"><p>'), ...GBK]);
    expect(decodeDocument(page).text).toContain('基层减负');
  });

  it('prefers valid UTF-8', () => {
    expect(decodeDocument(new TextEncoder().encode('<p>研读</p>'))).toEqual({ text: '<p>研读</p>', encoding: 'utf-8', declared: undefined });
  });
});
