/**
 * Punctuation as Chinese text prints it: the recognition model often reads a full-width mark as
 * its ASCII twin (" for “ or ”, , for ，), which search would not match and the reader would lay
 * out narrow. An ASCII mark with a Chinese character beside it becomes full-width; double and
 * single quotes open and close in turn along the line (the first one closes when nothing Chinese
 * follows it: a quotation wrapped from the line before).
 *
 * @example
 * fullWidthPunctuation('网络平台不能只有"资本思维"'); // → '网络平台不能只有“资本思维”'
 * fullWidthPunctuation('3.5%, GDP');                // → '3.5%, GDP' (no Chinese beside it)
 */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const WIDE: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

export function fullWidthPunctuation(line: string): string {
  const chars = [...line];
  const han = (i: number): boolean => i >= 0 && i < chars.length && HAN.test(chars[i]!);
  let doubleOpen = false;
  let singleOpen = false;
  chars.forEach((ch, i) => {
    if (ch === '"' || ch === "'") {
      if (!han(i - 1) && !han(i + 1) && !/[“”‘’]/.test(chars.slice(0, i).join(''))) return;
      const open = ch === '"' ? doubleOpen : singleOpen;
      // The first mark of the line closes when no Chinese follows it.
      const closing = open || (i === chars.findIndex((c) => c === ch) && !han(i + 1) && han(i - 1));
      chars[i] = ch === '"' ? (closing ? '”' : '“') : closing ? '’' : '‘';
      if (ch === '"') doubleOpen = !closing;
      else singleOpen = !closing;
      return;
    }
    const wide = WIDE[ch];
    if (wide && (han(i - 1) || han(i + 1))) chars[i] = wide;
  });
  return chars.join('');
}
