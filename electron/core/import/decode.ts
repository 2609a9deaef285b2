/**
 * Bytes of a text file to a string: a BOM wins (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8;
 * otherwise GB18030 (a superset of GB2312 and GBK), the usual encoding of older Chinese files.
 * The result is NFC-normalized with Windows line ends folded to `\n`.
 *
 * @example
 * decodeText(new TextEncoder().encode('研读')); // → { text: '研读', encoding: 'utf-8' }
 */
export interface Decoded {
  text: string;
  encoding: string;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeText(bytes: Uint8Array): Decoded {
  let encoding: string;
  let text: string | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    encoding = 'utf-8';
    text = tryDecode(bytes, 'utf-8');
    if (text === undefined) {
      encoding = 'gb18030';
      text = tryDecode(bytes, 'gb18030') ?? new TextDecoder('utf-8').decode(bytes);
    }
  }
  return { text: text.replace(/\r\n?/g, '\n').normalize('NFC'), encoding };
}
