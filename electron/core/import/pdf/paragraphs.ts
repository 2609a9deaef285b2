/**
 * Decides, for each pair of consecutive lines on a PDF page, whether the second goes on the
 * first's paragraph (the layout wrapped it) or starts a new one, from the lines' geometry:
 *
 * - a change of font size (over 20%) breaks: a heading, a caption, a footer;
 * - a gap between baselines over 1.4× the page's usual line pitch breaks: block paragraphs;
 * - a line that starts further right than the one before breaks: an indented first line;
 * - a line that stops short of the right margin breaks, unless the next line's first unbreakable
 *   piece would not have fitted in the room left (a Latin word or number wrapped whole, or a
 *   character that took its closing marks along: 意见》）);
 * - a line starting with a list or article marker (一、 （二） 3. 第五条) after a sentence's end breaks;
 * - otherwise the lines are one paragraph.
 *
 * Joined lines meet with nothing between them when either side is Chinese, with one space
 * between Latin words; a soft hyphen at the wrap is dropped, a hard hyphen kept (well-known).
 * The margins and the pitch are read off the page's body text (its most used font size), so a
 * page's own layout decides.
 *
 * @example
 * joinLines([
 *   { text: '坚持以人民为', x0: 77, x1: 512, y: 700, size: 15, lead: 15 },
 *   { text: '中心。', x0: 77, x1: 122, y: 679, size: 15, lead: 15 },
 *   { text: '新段落', x0: 107, x1: 152, y: 643, size: 15, lead: 15 },
 * ]).text; // → '坚持以人民为中心。\n新段落'
 */

export interface Line {
  text: string;
  /** Left edge of the first glyph, right edge of the last (PDF units). */
  x0: number;
  x1: number;
  /** Baseline, PDF units (up is larger). */
  y: number;
  /** Font size (the line's median item height). */
  size: number;
  /** Width of the line's first unbreakable piece (a Latin or digit word, or a character with its marks). */
  lead: number;
}

export interface Joined {
  text: string;
  opensInRun: boolean;
  endsInRun: boolean;
}

/** Both sides of a join are letters or digits of a spaced script: they meet with one space. */
const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Nd}]/u;
const SENTENCE_END = /[。！？；：.!?;:」』”）)]$/;
const LIST_MARKER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．.](?!\d)|第[一二三四五六七八九十百千\d]+[条章节编]|[•·●■◆▪-]\s)/;

/** The most common value after rounding to whole units (ties: the smallest). */
const mode = (values: number[]): number | undefined => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount || (n === bestCount && v < best!)) [best, bestCount] = [v, n];
  return best;
};

interface PageGeometry {
  body: number;
  left: number;
  right: number;
  pitch: number;
}

const sameSize = (a: number, b: number): boolean => Math.abs(a - b) <= 0.2 * Math.max(a, b);

function geometryOf(lines: Line[]): PageGeometry {
  // Body size: the size that carries the most characters.
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(Math.round(line.size * 2) / 2, (weight.get(Math.round(line.size * 2) / 2) ?? 0) + line.text.length);
  const body = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const bodyLines = lines.filter((l) => sameSize(l.size, body));
  const left = mode(bodyLines.map((l) => l.x0)) ?? 0;
  // Right margin: where most long body lines end (a high percentile, not one stray long line).
  const ends = bodyLines.map((l) => l.x1).sort((a, b) => a - b);
  const right = ends.length ? ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.8))]! : 0;
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (sameSize(a.size, body) && sameSize(b.size, body) && a.y > b.y) pitches.push(a.y - b.y);
  }
  // Paragraph gaps are fewer than line pitches in running text: a low percentile is the pitch.
  // Lines are rarely set wider than twice their size (公文: 28–29 pt for 16 pt), so one pair of
  // lines far apart is not taken for the pitch.
  const sorted = pitches.sort((a, b) => a - b);
  const pitch = Math.min(sorted[Math.floor(sorted.length * 0.3)] ?? 1.5 * body, 2 * body);
  return { body, left, right, pitch };
}

/** The line reaches the right margin, or the next line's first word did not fit in what it left. */
function runsToMargin(line: Line, g: PageGeometry, next?: Line): boolean {
  const room = g.right - line.x1;
  if (room <= 1.5 * line.size) return true;
  return next !== undefined && room < next.lead + 0.5 * line.size;
}

function wraps(a: Line, b: Line, g: PageGeometry): boolean {
  if (!sameSize(a.size, b.size)) return false;
  const step = a.y - b.y;
  if (step <= 0 || step > 1.4 * Math.max(g.pitch, a.size)) return false;
  if (b.x0 > a.x0 + 0.7 * a.size) return false;
  if (!runsToMargin(a, g, b)) return false;
  if (LIST_MARKER.test(b.text) && SENTENCE_END.test(a.text)) return false;
  return true;
}

/** What goes between two wrapped lines' texts; `a` may lose a trailing soft hyphen. */
function seam(a: string, b: string): [string, string] {
  if (a.endsWith('\u00ad')) return [a.slice(0, -1), ''];
  const last = a[a.length - 1] ?? '';
  if (last === '-' || last === '/') return [a, ''];
  return [a, SPACED.test(last) && SPACED.test(b[0] ?? '') ? ' ' : ''];
}

export function joinLines(lines: Line[]): Joined {
  if (!lines.length) return { text: '', opensInRun: false, endsInRun: false };
  const g = geometryOf(lines);
  let text = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) {
    const b = lines[i]!.text;
    if (wraps(lines[i - 1]!, lines[i]!, g)) {
      const [head, between] = seam(text, b);
      text = head + between + b;
    } else text += `\n${b}`;
  }
  const body = lines.filter((l) => sameSize(l.size, g.body));
  const first = body[0];
  const last = body[body.length - 1];
  return {
    text,
    // Only when the body line is the page's first (last) line: a header or footer in between
    // would sit in the middle of the joined phrase.
    opensInRun: first !== undefined && first === lines[0] && first.x0 <= g.left + 0.7 * first.size,
    endsInRun: last !== undefined && last === lines[lines.length - 1] && runsToMargin(last, g),
  };
}
