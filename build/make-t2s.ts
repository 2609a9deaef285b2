/**
 * Writes `electron/shared/t2s.ts`: each Traditional (and Taiwan / Hong Kong variant) character
 * that OpenCC converts to a single Simplified one, with that character — the table by which search
 * folds Traditional Chinese to Simplified (形式主義 finds 形式主义). One character at a time, so
 * every offset in a folded text is the offset in the original. Characters that are themselves
 * Simplified forms (么, of 麼) are not folded. Run with `npm run make:t2s`; the
 * result is committed (opencc-js is needed only here).
 *
 * @example
 * // npm run make:t2s → electron/shared/t2s.ts (3,600-odd pairs)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ToTraditional from 'opencc-js/cn2t';
import * as OpenCC from 'opencc-js/t2cn';

const converters = (['t', 'tw', 'twp', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
/** A character that is itself a Simplified form (么 of 麼) is left as it is, though Taiwan writes 幺 with it. */
const traditionalOf = ToTraditional.Converter({ from: 'cn', to: 't' });
const ranges: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];
let from = '';
let to = '';
for (const [a, b] of ranges) {
  for (let cp = a; cp <= b; cp++) {
    const ch = String.fromCodePoint(cp);
    const out = converters.map((convert) => convert(ch)).find((s) => s !== ch && [...s].length === 1 && s.length === 1);
    if (out && traditionalOf(ch) === ch) {
      from += ch;
      to += out;
    }
  }
}
const file = join(import.meta.dirname, '..', 'electron', 'shared', 't2s.ts');
writeFileSync(
  file,
  `/**
 * Traditional → Simplified, one character each (made by \`npm run make:t2s\` from OpenCC's tables,
 * via opencc-js; do not edit): \`T2S_FROM[i]\` folds to \`T2S_TO[i]\`. See \`fold.ts\`.
 */
export const T2S_FROM = '${from}';
export const T2S_TO = '${to}';
`,
);
console.log(`${from.length} characters → ${file}`);
