/**
 * 复习 cards as Anki notes: each card one cloze note (a quote card hides the whole quote in its
 * context; a cloze card hides its words; a 提法 card its words after the topic), with its source
 * and a tag per topic (`专题::子专题`). Written two ways: an `.apkg` (anki-package.ts) that brings
 * its own note type and deck, so it imports the same into an Anki set up in any language, and the
 * tab-separated text Anki's File › Import reads, which names Anki's stock "Cloze" note type.
 *
 * @example
 * const notes = ankiNotes(items, highlights);
 * notes[0]; // → { guid: 'yd…', text: '…{{c1::以人民为中心}}…', source: '《…》 第 3 页', tags: ['研读', '作风建设::形式主义'] }
 * ankiText(notes); // '#separator:tab\n#html:false\n#notetype:Cloze\n…'
 */
import { createHash } from 'node:crypto';
import type { Highlight, ReviewItem } from '../../shared/types.js';

export interface AnkiNote {
  /** Stable across exports (from the card's id), so importing again updates the note instead of adding one. */
  guid: string;
  /** Plain text with `{{cN::…}}` clozes; paragraphs end in a line break. */
  text: string;
  /** 《title》 and page, or '' for a topic's 提法. */
  source: string;
  tags: string[];
}

/** The deck both exports fill. */
export const ANKI_DECK = '研读复习';

const oneLine = (text: string): string => text.replace(/[\t\r\n]+/g, ' ').trim();
/** Braces that would read as cloze markup are spaced apart. */
const unbraced = (text: string): string => text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');
const tagOf = (path: string): string => path.replace(/\s+/g, '_').replace(/\//g, '::');

export function ankiNotes(items: ReviewItem[], highlights: Map<string, Highlight>): AnkiNote[] {
  const notes: AnkiNote[] = [];
  for (const item of items) {
    const { card } = item;
    let text: string;
    if (card.kind === 'quote') {
      const quote = highlights.get(card.highlightId!)?.target.selector[0];
      if (!quote) continue;
      text = `${unbraced(quote.prefix.slice(-24))}{{c1::${unbraced(quote.exact)}}}${unbraced(quote.suffix.slice(0, 24))}`;
    } else {
      // A 提法 card names its topic before the 提法; only the 提法 itself is hidden.
      const label = card.kind === 'tifa' ? `${unbraced(card.topic?.split('/').pop() ?? '')}：` : '';
      const body = unbraced(card.kind === 'cloze' ? item.back : (card.text ?? ''));
      // One pass, longest word first, so a word inside another (主义 in 形式主义) is not hidden twice.
      const words = [...new Set(item.answers.map(unbraced).filter((w) => w && body.includes(w)))];
      const number = new Map(words.map((w, i) => [w, i + 1]));
      const pattern = new RegExp([...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
      text = label + (words.length ? body.replace(pattern, (w) => `{{c${number.get(w)}::${w}}}`) : `{{c1::${body}}}`);
    }
    const source = item.source ? `《${item.source.title}》${item.source.page ? ` 第 ${item.source.page} 页` : ''}` : '';
    const guid = `yd${createHash('sha1').update(card.id).digest('base64url').slice(0, 10)}`;
    notes.push({ guid, text: text.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').trim(), source: oneLine(source), tags: ['研读', ...item.topics.map(tagOf)] });
  }
  return notes;
}

/** Tab-separated text with Anki's file headers (Anki 2.1.55+). */
export function ankiText(notes: AnkiNote[]): string {
  const rows = ['#separator:tab', '#html:false', '#notetype:Cloze', `#deck:${ANKI_DECK}`, '#tags column:3'];
  for (const note of notes) rows.push([oneLine(note.text), note.source, note.tags.join(' ')].join('\t'));
  return `${rows.join('\n')}\n`;
}
