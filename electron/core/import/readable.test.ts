import { describe, expect, it } from 'vitest';
import { assertReadable, assertTextBytes, looksBinary } from './readable';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('readable imports', () => {
  it('tells binary bytes from text in any encoding', () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toBe(true); // a zip (docx) named .txt
    expect(looksBinary(new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41))))).toBe(true);
    expect(looksBinary(bytes('为基层减负\r\n\tTab and ESC \u001b[0m'))).toBe(false);
    expect(looksBinary(new Uint8Array([0xff, 0xfe, 0x3a, 0x4e, 0x00, 0x00]))).toBe(false); // UTF-16 LE with BOM
    expect(looksBinary(new Uint8Array([0xd6, 0xd0, 0xb9, 0xfa]))).toBe(false); // GBK 中国
    expect(() => assertTextBytes(new Uint8Array([0, 1, 2]), 'x.html')).toThrow(/'x.html' is not a text file .*二进制/);
  });

  it('refuses a document with no letter, digit or Chinese character, but keeps a scanned PDF', () => {
    expect(() => assertReadable({ kind: 'text', format: 'txt', title: 'x', text: ' \n\t ' }, '空.txt')).toThrow(/'空.txt' has no readable text.*没有可读的文字/);
    expect(() => assertReadable({ kind: 'article', format: 'html', title: 'x', text: '—— … ！' }, 'x.html')).toThrow(/no readable text/);
    expect(() => assertReadable({ kind: 'pdf', format: 'pdf', title: 'x', text: '', scanned: true }, 'x.pdf')).not.toThrow();
    expect(() => assertReadable({ kind: 'text', format: 'md', title: 'x', text: '一' }, 'x.md')).not.toThrow();
  });
});
