import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAnkiPackage } from '../../../test/support/anki';
import type { Highlight, ReviewItem } from '../../shared/types';
import { ankiNotes, ankiText } from './anki';
import { ANKI_DECK_ID, ANKI_MODEL_ID, ANKI_MODEL_NAME, ankiPackage } from './anki-package';

const highlight = (id: string, exact: string, prefix = '', suffix = ''): Highlight =>
  ({ id, docId: 'd1', color: 'yellow', topics: [], target: { selector: [{ type: 'TextQuoteSelector', exact, prefix, suffix }] } }) as unknown as Highlight;

const h1 = highlight('h1', '坚持以人民为中心的发展思想', '我们要', '，不断增进民生福祉。');
const h2 = highlight('h2', '力戒形式主义、官僚主义<和>“&”', '', '');
const items: ReviewItem[] = [
  { card: { id: 'c1', kind: 'quote', highlightId: 'h1' } as ReviewItem['card'], front: '', back: h1.target.selector[0].exact, answers: [], topics: ['申论/民生'], source: { docId: 'd1', title: '人民日报评论', page: 3 } },
  { card: { id: 'c2', kind: 'cloze', highlightId: 'h2' } as ReviewItem['card'], front: '', back: h2.target.selector[0].exact, answers: ['形式主义', '官僚主义'], topics: ['作风建设/形式主义', '科目/申论'], source: { docId: 'd1', title: '评论' } },
  { card: { id: 'c3', kind: 'tifa', topic: '作风建设/基层减负', text: '为基层减负' } as ReviewItem['card'], front: '', back: '为基层减负', answers: ['减负'], topics: ['作风建设/基层减负'] },
];
const highlights = new Map([h1, h2].map((h) => [h.id, h]));

/** Keys Anki's schema-11 structs need without a default (rslib notetype/schema11.rs, deckconfig/schema11.rs). */
const MODEL_KEYS = ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css'];
const FIELD_KEYS = ['name', 'ord', 'sticky', 'rtl', 'font', 'size'];
const DCONF_KEYS = ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse'];

describe('the Anki package', () => {
  it('holds one cloze note per card, a card per cloze number, its own note type and deck, in a sound SQLite collection', async () => {
    const notes = ankiNotes(items, highlights);
    const apkg = await readAnkiPackage(await ankiPackage(notes, Date.UTC(2026, 11, 7)));
    expect(apkg.files.sort()).toEqual(['collection.anki2', 'media']);
    expect(apkg.media).toEqual({});
    expect(apkg.integrity).toBe('ok');
    expect(apkg.col.ver).toBe(11);

    const [model] = apkg.models;
    for (const key of MODEL_KEYS) expect(model, key).toHaveProperty(key);
    expect(model).toMatchObject({ id: ANKI_MODEL_ID, name: ANKI_MODEL_NAME, type: 1 });
    const flds = model!.flds as Record<string, unknown>[];
    expect(flds.map((f) => f.name)).toEqual(['Text', '出处']);
    for (const f of flds) for (const key of FIELD_KEYS) expect(f, key).toHaveProperty(key);
    expect((model!.tmpls as { qfmt: string }[])[0]!.qfmt).toBe('{{cloze:Text}}');
    expect(apkg.decks.map((d) => d.name).sort()).toEqual(['Default', '研读复习']);
    for (const key of DCONF_KEYS) expect(apkg.dconf[0], key).toHaveProperty(key);

    expect(apkg.notes).toHaveLength(3);
    const [quote, cloze, tifa] = apkg.notes;
    expect(quote!.flds).toBe('我们要{{c1::坚持以人民为中心的发展思想}}，不断增进民生福祉。\x1f《人民日报评论》 第 3 页');
    // Fields are HTML: the quote's own < > & are escaped, its two hidden words are c1 and c2.
    expect(cloze!.flds.split('\x1f')[0]).toBe('力戒{{c1::形式主义}}、{{c2::官僚主义}}&lt;和&gt;“&amp;”');
    expect(tifa!.flds).toBe('基层减负：为基层{{c1::减负}}\x1f');
    expect(cloze!.tags).toBe(' 研读 作风建设::形式主义 科目::申论 ');
    for (const note of apkg.notes) {
      expect(note.mid).toBe(ANKI_MODEL_ID);
      const plain = note.flds.split('\x1f')[0]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      expect(note.csum).toBe(parseInt(createHash('sha1').update(plain).digest('hex').slice(0, 8), 16));
    }
    const cardsOf = (nid: number) => apkg.cards.filter((c) => c.nid === nid).map((c) => c.ord);
    expect([cardsOf(quote!.id), cardsOf(cloze!.id), cardsOf(tifa!.id)]).toEqual([[0], [0, 1], [0]]);
    for (const card of apkg.cards) expect(card).toMatchObject({ did: ANKI_DECK_ID, type: 0, queue: 0 });
    expect(new Set(apkg.cards.map((c) => c.id)).size).toBe(apkg.cards.length);
    expect(new Set([...apkg.cards.map((c) => c.id), ...apkg.notes.map((n) => n.id)]).size).toBe(apkg.cards.length + apkg.notes.length);
  });

  it('keeps each note’s guid from its card, so a second export updates the same notes', async () => {
    const first = ankiNotes(items, highlights).map((n) => n.guid);
    const again = ankiNotes([...items].reverse(), highlights).map((n) => n.guid).reverse();
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('hides a word inside another word once', () => {
    const [note] = ankiNotes([{ ...items[1]!, answers: ['主义', '形式主义'] }], highlights);
    expect(note!.text).toBe('力戒{{c2::形式主义}}、官僚{{c1::主义}}<和>“&”');
  });

  it('writes the same notes as tab-separated text with Anki’s headers', () => {
    const lines = ankiText(ankiNotes(items, highlights)).trim().split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:false', '#notetype:Cloze']);
    expect(lines.slice(5).map((l) => l.split('\t')[0])).toEqual([
      '我们要{{c1::坚持以人民为中心的发展思想}}，不断增进民生福祉。',
      '力戒{{c1::形式主义}}、{{c2::官僚主义}}<和>“&”',
      '基层减负：为基层{{c1::减负}}',
    ]);
  });
});
